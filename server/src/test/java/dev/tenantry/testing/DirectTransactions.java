package dev.tenantry.testing;

import dev.tenantry.shared.Transactions;
import java.util.function.Supplier;

/** Transactions for fakes: runs the work at once and rolls nothing back. */
public final class DirectTransactions implements Transactions {

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return work.get();
    }
}
