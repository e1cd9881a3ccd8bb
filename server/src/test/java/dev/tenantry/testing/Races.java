package dev.tenantry.testing;

import dev.tenantry.shared.DomainException;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/** Runs two actions at the same moment, for race tests of the rules that lock what they count. */
public final class Races {

    private Races() {}

    /** Runs both actions at once on {@code threads}; a refusal by a rule is an expected outcome, anything else fails. */
    public static void race(ExecutorService threads, Runnable first, Runnable second) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<?>> runs =
                List.of(threads.submit(() -> act(start, first)), threads.submit(() -> act(start, second)));
        for (Future<?> run : runs) {
            run.get();
        }
    }

    private static Void act(CyclicBarrier start, Runnable action) throws Exception {
        start.await();
        try {
            action.run();
        } catch (DomainException refused) {
            // the loser of the race is told why; that is the point
        }
        return null;
    }
}
