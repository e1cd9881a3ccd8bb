package dev.tenantry.directory.credentials;

import com.sun.jna.Library;
import com.sun.jna.Native;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lowers the calling thread's scheduling priority (its Linux nice value) so that password hashing takes only the CPU
 * the rest of the server leaves (issue 13). The hashing threads run flat out for 20-30 ms per sign-in; at equal priority
 * a flood of sign-ins held the cores and client-credentials tokens waited behind it (their p99 went from 13 to 95 ms).
 * At nice 19 the kernel gives a token request's thread the core as soon as it wakes, and hashing still has every cycle
 * nobody else wants, so the password grant's own rate is unchanged when tokens are idle. Against nice 10, two alternating
 * {@code bin/bench} runs each: client credentials during a flood of sign-ins 2 495-2 589/s, p99 8.5-8.8 ms against
 * 2 242-2 313/s, p99 9.7-9.8 ms, with the flood's own 18-19 grants/s and the password grant alone (86-91/s) unchanged.
 *
 * <p>Linux only: elsewhere, or where the C library is not reachable through JNA, threads keep their priority and one
 * line at debug level says so. Raising a nice value needs no privilege.
 */
final class BackgroundPriority {

    /** The nice value of hashing threads, the lowest: 1.5 % of a core's weight against a request's thread. */
    static final int NICE = 19;

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundPriority.class);
    private static final int PRIO_PROCESS = 0;

    private BackgroundPriority() {}

    /** The C library calls this needs: on Linux, {@code setpriority} with a thread id sets that thread's nice value. */
    interface CLibrary extends Library {
        int gettid();

        int getpriority(int which, int who);

        int setpriority(int which, int who, int prio);
    }

    /** Lowers the calling thread to {@link #NICE} (never raises it); true when it runs at that nice value or lower. */
    static boolean lowerCurrentThread() {
        if (!System.getProperty("os.name", "").startsWith("Linux")) {
            return false;
        }
        try {
            CLibrary c = Holder.C;
            int tid = c.gettid();
            if (c.getpriority(PRIO_PROCESS, tid) >= NICE) {
                return true;
            }
            boolean lowered = c.setpriority(PRIO_PROCESS, tid, NICE) == 0;
            if (!lowered) {
                LOG.debug("password hashing keeps its priority: setpriority refused (errno {})", Native.getLastError());
            }
            return lowered;
        } catch (LinkageError | RuntimeException unavailable) {
            LOG.debug(
                    "password hashing keeps its priority: the C library is not reachable ({})", unavailable.toString());
            return false;
        }
    }

    /** Loads the C library at the first hashing thread, not at start-up. */
    private static final class Holder {
        static final CLibrary C = Native.load("c", CLibrary.class);
    }
}
