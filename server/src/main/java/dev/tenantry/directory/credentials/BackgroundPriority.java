package dev.tenantry.directory.credentials;

import com.sun.jna.Library;
import com.sun.jna.Native;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lowers the calling thread's scheduling priority so that password hashing takes only the CPU the rest of the server
 * leaves (issue 13). The hashing threads run flat out for 20-30 ms per sign-in; at equal priority a flood of sign-ins
 * held the cores and client-credentials tokens waited behind it (their p99 went from 13 to 95 ms).
 *
 * <p>The thread first goes to nice 19, the lowest nice value, then to Linux's {@code SCHED_IDLE} policy: a thread
 * that runs only when no other wants the core. Nice 19 still leaves it a weight (1.5 % of a request's thread) and the
 * scheduler treats a core running it as busy; under {@code SCHED_IDLE} a waking request's thread preempts it at once and
 * the scheduler counts its core as idle when it places that thread. Measured with {@code bin/bench} cut to the
 * password flood (20 000 users, two alternating rounds, the second and third 10 s run of each): client credentials
 * during the flood 4 360-4 559 tokens/s, p99 5.97-6.35 ms under {@code SCHED_IDLE}, against 4 334-4 404/s, p99 6.98-7.44
 * ms at nice 19 alone (5.4-5.7 ms without the flood); the flood itself got 5-6 grants/s instead of 8, and hashing still
 * has every cycle nobody else wants, so the password grant alone is unchanged. Against nice 10, nice 19 had given
 * 2 495-2 589 tokens/s, p99 8.5-8.8 ms against 2 242-2 313/s, p99 9.7-9.8 ms.
 *
 * <p>Linux only: elsewhere, or where the C library is not reachable through JNA, threads keep their priority and one
 * line at debug level says so. Raising a nice value and moving to {@code SCHED_IDLE} need no privilege (since Linux
 * 2.6.39); where a sandbox refuses the policy, the thread stays at nice 19.
 */
final class BackgroundPriority {

    /** The nice value of hashing threads, the lowest: 1.5 % of a core's weight against a request's thread. */
    static final int NICE = 19;

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundPriority.class);
    private static final int PRIO_PROCESS = 0;

    /** Linux's policy for threads that run only on a core nobody else wants ({@code sched.h}). */
    static final int SCHED_IDLE = 5;

    private BackgroundPriority() {}

    /**
     * The C library calls this needs: on Linux, {@code setpriority} and {@code sched_setscheduler} with a thread id set
     * that thread's nice value and policy ({@code param} is {@code struct sched_param}, one int: 0 for this policy).
     */
    interface CLibrary extends Library {
        int gettid();

        int getpriority(int which, int who);

        int setpriority(int which, int who, int prio);

        int sched_getscheduler(int pid);

        int sched_setscheduler(int pid, int policy, int[] param);
    }

    /**
     * Lowers the calling thread to {@link #NICE} (never raises it) and then to {@link #SCHED_IDLE}; true when it runs at
     * that nice value or lower (whether or not the policy could be set).
     */
    static boolean lowerCurrentThread() {
        if (!System.getProperty("os.name", "").startsWith("Linux")) {
            return false;
        }
        try {
            CLibrary c = Holder.C;
            int tid = c.gettid();
            boolean lowered = c.getpriority(PRIO_PROCESS, tid) >= NICE || c.setpriority(PRIO_PROCESS, tid, NICE) == 0;
            if (!lowered) {
                LOG.debug("password hashing keeps its priority: setpriority refused (errno {})", Native.getLastError());
            }
            if (c.sched_getscheduler(tid) != SCHED_IDLE && c.sched_setscheduler(tid, SCHED_IDLE, new int[] {0}) != 0) {
                LOG.debug(
                        "password hashing keeps its policy: sched_setscheduler refused (errno {})",
                        Native.getLastError());
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
