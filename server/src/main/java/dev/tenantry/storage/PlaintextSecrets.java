package dev.tenantry.storage;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Encrypts, at start, secret columns that a version before the {@link MasterKey} stored in plaintext. */
public final class PlaintextSecrets {

    private static final Logger LOG = LoggerFactory.getLogger(PlaintextSecrets.class);

    private PlaintextSecrets() {}

    /**
     * Seals every plaintext {@code valueColumn} of {@code table} (rows named by {@code keyColumn}) with the context
     * {@code context.apply(key)}, in one transaction that locks the rows; returns how many there were. Table and
     * column names are constants of the caller, never input.
     */
    public static int encrypt(
            Jdbi jdbi,
            MasterKey masterKey,
            String table,
            String keyColumn,
            String valueColumn,
            UnaryOperator<String> context) {
        int sealed = jdbi.inTransaction(handle -> {
            List<Map.Entry<String, String>> plaintext = handle
                    .createQuery("SELECT " + keyColumn + ", " + valueColumn + " FROM " + table + " FOR UPDATE")
                    .map((rs, ctx) -> Map.entry(rs.getString(keyColumn), rs.getString(valueColumn)))
                    .stream()
                    .filter(row -> !MasterKey.isSealed(row.getValue()))
                    .toList();
            for (Map.Entry<String, String> row : plaintext) {
                handle.createUpdate(
                                "UPDATE " + table + " SET " + valueColumn + " = :sealed WHERE " + keyColumn + " = :key")
                        .bind("sealed", masterKey.seal(row.getValue(), context.apply(row.getKey())))
                        .bind("key", row.getKey())
                        .execute();
            }
            return plaintext.size();
        });
        if (sealed > 0) {
            LOG.warn(
                    "encrypted {} value(s) of {}.{} that were stored in plaintext; backups and copies of the database"
                            + " made before this start still hold them in plaintext",
                    sealed,
                    table,
                    valueColumn);
        }
        return sealed;
    }
}
