package dev.tenantry.shared;

import java.util.function.Supplier;

/** Runs a unit of work in one database transaction; nested calls on the same thread join it. */
public interface Transactions {

    <T> T inTransaction(Supplier<T> work);

    default void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
