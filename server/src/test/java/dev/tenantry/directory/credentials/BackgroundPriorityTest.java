package dev.tenantry.directory.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

@EnabledOnOs(OS.LINUX)
class BackgroundPriorityTest {

    /** The calling thread's nice value, field 19 of {@code /proc/thread-self/stat} (after the command's parentheses). */
    static int niceOfCurrentThread() throws IOException {
        String stat = Files.readString(Path.of("/proc/thread-self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ", -1);
        return Integer.parseInt(fields[16]);
    }

    @Test
    void aThreadLowersItsOwnPriorityAndNoOtherThreads() throws Exception {
        int[] seen = new int[2];
        boolean[] lowered = new boolean[1];
        Thread thread = Thread.ofPlatform().start(() -> {
            try {
                seen[0] = niceOfCurrentThread();
                lowered[0] = BackgroundPriority.lowerCurrentThread();
                seen[1] = niceOfCurrentThread();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        thread.join();

        assertThat(lowered[0]).isTrue();
        assertThat(seen[1]).isEqualTo(Math.max(seen[0], BackgroundPriority.NICE));
        assertThat(niceOfCurrentThread()).isEqualTo(seen[0]);
    }

    @Test
    void passwordHashingThreadsRunAtTheLowerPriority() throws IOException {
        try (BoundedPasswordHasher hasher = new BoundedPasswordHasher(new Argon2idPasswordHasher(64, 1, 1), 1, 1)) {
            int nice = hasher.bounded(() -> {
                try {
                    return niceOfCurrentThread();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });

            assertThat(nice).isEqualTo(Math.max(niceOfCurrentThread(), BackgroundPriority.NICE));
        }
    }
}
