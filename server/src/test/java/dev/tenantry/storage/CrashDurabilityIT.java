package dev.tenantry.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.app.Services;
import dev.tenantry.app.TenantryApp;
import dev.tenantry.app.TenantryConfig;
import dev.tenantry.testing.ServerProcess;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kills the packaged server with SIGKILL in the middle of concurrent writes and checks what it acknowledged. */
class CrashDurabilityIT {

    private static final int CLIENTS = 12;
    private static final int KILL_AFTER_ACKNOWLEDGED = 8;

    @TempDir
    Path temp;

    @Test
    @DisplayName("issue 7.2: kill -9 during a burst of sign-ups loses none that answered 201")
    void killDuringSignUpBurstLosesNoAcknowledgedSignUp() throws Exception {
        Path data = Files.createDirectories(temp.resolve("data"));
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger failedInFlight = new AtomicInteger();

        try (ServerProcess server = ServerProcess.start(data, Map.of())) {
            CountDownLatch enough = new CountDownLatch(KILL_AFTER_ACKNOWLEDGED);
            AtomicBoolean killed = new AtomicBoolean();
            AtomicInteger next = new AtomicInteger();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                running.add(clients.submit(() -> {
                    while (!killed.get()) {
                        String prefix = "crash" + next.incrementAndGet();
                        try {
                            HttpResponse<String> answer = server.postJson("/api/signups", signUp(prefix));
                            if (answer.statusCode() == 201) {
                                acknowledged.add(prefix);
                                enough.countDown();
                            }
                        } catch (IOException dropped) {
                            failedInFlight.incrementAndGet(); // the kill cut this request off
                        }
                    }
                    return null;
                }));
            }
            assertThat(enough.await(120, TimeUnit.SECONDS))
                    .as("sign-ups acknowledged before the kill; server log:%n%s", server.stderr())
                    .isTrue();
            server.kill();
            killed.set(true);
            clients.shutdown();
            assertThat(clients.awaitTermination(90, TimeUnit.SECONDS)).isTrue();
            for (Future<?> client : running) {
                client.get(); // a client that failed otherwise than by the kill fails the test
            }
        }

        // restart on the same data directory (in this JVM: a second child JVM would only add its start-up time)
        List<String> missing;
        try (TenantryApp restarted =
                TenantryApp.start(TenantryConfig.defaults().withPort(0).withDataDir(data))) {
            Services services = restarted.services();
            missing = acknowledged.stream()
                    .filter(services.tenants()::isDomainAvailable)
                    .sorted()
                    .toList();
        }
        assertThat(failedInFlight.get())
                .as("requests in flight when the server was killed")
                .isPositive();
        assertThat(missing)
                .as("acknowledged sign-ups missing after the restart (of %d acknowledged)", acknowledged.size())
                .isEmpty();
    }

    private static String signUp(String prefix) {
        return """
                {"organization":"Crash %s","domainPrefix":"%s","countryCode":"US",
                 "admin":{"displayName":"Kelley Wall","userName":"admin","password":"Tenantry!2026"},
                 "product":"O365_BUSINESS_ESSENTIALS"}
                """.formatted(prefix, prefix);
    }
}
