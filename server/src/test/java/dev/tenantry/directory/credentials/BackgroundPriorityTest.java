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

    /** The calling thread's nice value, field 19 of {@code /proc/thread-self/stat}. */
    static int niceOfCurrentThread() throws IOException {
        return statField(19);
    }

    /** The calling thread's scheduling policy, field 41 of {@code /proc/thread-self/stat}. */
    static int policyOfCurrentThread() throws IOException {
        return statField(41);
    }

    /** Field {@code n} (from 1) of {@code /proc/thread-self/stat}; the third is the first after the command's parentheses. */
    private static int statField(int n) throws IOException {
        String stat = Files.readString(Path.of("/proc/thread-self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ", -1);
        return Integer.parseInt(fields[n - 3]);
    }

    @Test
    void aThreadLowersItsOwnPriorityAndNoOtherThreads() throws Exception {
        int[] seen = new int[3];
        boolean[] lowered = new boolean[1];
        Thread thread = Thread.ofPlatform().start(() -> {
            try {
                seen[0] = niceOfCurrentThread();
                lowered[0] = BackgroundPriority.lowerCurrentThread();
                seen[1] = niceOfCurrentThread();
                seen[2] = policyOfCurrentThread();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        thread.join();

        assertThat(lowered[0]).isTrue();
        assertThat(seen[1]).isEqualTo(Math.max(seen[0], BackgroundPriority.NICE));
        assertThat(seen[2]).isEqualTo(BackgroundPriority.SCHED_IDLE);
        assertThat(niceOfCurrentThread()).isEqualTo(seen[0]);
        assertThat(policyOfCurrentThread()).isNotEqualTo(BackgroundPriority.SCHED_IDLE);
    }

    @Test
    void passwordHashingThreadsRunAtTheLowerPriority() throws IOException {
        try (BoundedPasswordHasher hasher = new BoundedPasswordHasher(new Argon2idPasswordHasher(64, 1, 1), 1, 1)) {
            int[] seen = hasher.bounded(() -> {
                try {
                    return new int[] {niceOfCurrentThread(), policyOfCurrentThread()};
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });

            assertThat(seen[0]).isEqualTo(Math.max(niceOfCurrentThread(), BackgroundPriority.NICE));
            assertThat(seen[1]).isEqualTo(BackgroundPriority.SCHED_IDLE);
        }
    }
}
