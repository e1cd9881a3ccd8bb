package dev.tenantry.clients;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;

/**
 * Tells CI which port the server got, and skips the checks that only work on port 443 (compat P1) when it could not
 * bind it. The count of skipped checks is printed once the test plan is done ({@link CompatSummaryListener}).
 */
public final class CompatReport {

    private static final AtomicInteger SKIPPED = new AtomicInteger();
    private static volatile int port = -1;

    private CompatReport() {}

    static void serverStarted(int serverPort) {
        port = serverPort;
        if (serverPort == 443) {
            System.out.println("compat: server on https://127.0.0.1 (port 443)");
        } else {
            System.out.println("compat: port 443 unavailable, running on " + serverPort
                    + "; checks that need it are skipped (count at the end)");
        }
    }

    /** Skips the calling test (an assumption failure) unless the server listens on 443. */
    public static void assumePort443(String check) {
        TenantryProcess server = TenantryProcess.get();
        if (!server.onPort443()) {
            SKIPPED.incrementAndGet();
        }
        Assumptions.assumeTrue(
                server.onPort443(),
                () -> "skipped: " + check + " needs the server on port 443 (compat P1: MSAL caches under the"
                        + " port-less host), but port 443 could not be bound; the server runs on " + server.port());
    }

    static void printSummary() {
        if (port > 0 && port != 443) {
            System.out.println("compat: port 443 unavailable, running on " + port + "; skipping " + SKIPPED.get()
                    + " checks that need it");
        }
    }
}
