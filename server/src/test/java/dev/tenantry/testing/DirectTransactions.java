package dev.tenantry.testing;

import dev.tenantry.shared.Transactions;
import java.util.List;
import java.util.function.Supplier;

/**
 * Transactions for fakes: runs the work at once on the calling thread and, when it throws, puts every fake it guards
 * back as it was when the outermost transaction began; a nested call joins the outer one, as on the Jdbi store. One
 * thread at a time uses a fake world.
 */
public final class DirectTransactions implements Transactions {

    private final List<Restorable> fakes;
    private int depth;

    /** Transactions that roll back {@code fakes} (none: nothing is rolled back). */
    public DirectTransactions(Restorable... fakes) {
        this.fakes = List.of(fakes);
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (depth > 0) {
            return work.get();
        }
        List<Runnable> restores = fakes.stream().map(Restorable::snapshot).toList();
        depth++;
        try {
            return work.get();
        } catch (RuntimeException | Error e) {
            restores.forEach(Runnable::run);
            throw e;
        } finally {
            depth--;
        }
    }
}
