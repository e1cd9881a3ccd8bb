package dev.tenantry.storage;

import dev.tenantry.shared.Transactions;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/** Jdbi-backed transactions: repositories called inside {@link #inTransaction} reuse this thread's handle. */
public final class JdbiTransactions implements Transactions {

    private final Jdbi jdbi;

    public JdbiTransactions(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return jdbi.inTransaction(handle -> work.get());
    }
}
