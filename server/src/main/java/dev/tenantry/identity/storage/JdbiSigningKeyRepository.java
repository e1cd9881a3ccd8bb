package dev.tenantry.identity.storage;

import dev.tenantry.identity.SigningKey;
import dev.tenantry.identity.SigningKeyRepository;
import dev.tenantry.storage.JdbiServerSecrets;
import dev.tenantry.storage.MasterKey;
import dev.tenantry.storage.PlaintextSecrets;
import dev.tenantry.storage.SqlStates;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * Signing keys in SQL, private keys encrypted with the {@link MasterKey}; the first key is guarded by a row in {@code
 * server_secret} so only one node creates it. A rotation inserts the new key and rotates the others out in one
 * transaction.
 */
public final class JdbiSigningKeyRepository implements SigningKeyRepository {

    private static final String FIRST_KEY_GUARD = "signing_key.first";

    private static final String INSERT_GUARD = """
            INSERT INTO server_secret (name, secret_value, created_at) VALUES (:name, :kid, :createdAt)
            """;
    private static final String INSERT_KEY = """
            INSERT INTO signing_key (kid, private_der, public_der, created_at, active)
            VALUES (:kid, :privateDer, :publicDer, :createdAt, :active)
            """;
    private static final String ROTATE_OUT = """
            UPDATE signing_key SET active = FALSE, rotated_out_at = :now WHERE active AND kid <> :kid
            """;

    private final Jdbi jdbi;
    private final MasterKey masterKey;

    public JdbiSigningKeyRepository(Jdbi jdbi, MasterKey masterKey) {
        this.jdbi = jdbi;
        this.masterKey = masterKey;
    }

    /** Encrypts the private keys an older version stored in plaintext; returns how many there were. */
    public int sealPlaintext() {
        return PlaintextSecrets.encrypt(
                jdbi, masterKey, "signing_key", "kid", "private_der", JdbiSigningKeyRepository::context);
    }

    @Override
    public List<SigningKey> all() {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT kid, private_der, public_der, created_at, active, rotated_out_at FROM signing_key"
                                + " ORDER BY created_at DESC, kid")
                .map((rs, ctx) -> {
                    var instants = ctx.findColumnMapperFor(Instant.class).orElseThrow();
                    return new SigningKey(
                            rs.getString("kid"),
                            masterKey.open(rs.getString("private_der"), context(rs.getString("kid"))),
                            rs.getString("public_der"),
                            instants.map(rs, "created_at", ctx),
                            rs.getBoolean("active"),
                            instants.map(rs, "rotated_out_at", ctx));
                })
                .list());
    }

    @Override
    public boolean tryCreateFirst(SigningKey key) {
        try {
            // the guard row's primary key lets exactly one node through; the others wait, then see a violation
            jdbi.useTransaction(handle -> {
                handle.createUpdate(INSERT_GUARD)
                        .bind("name", FIRST_KEY_GUARD)
                        .bind("kid", masterKey.seal(key.kid(), JdbiServerSecrets.context(FIRST_KEY_GUARD)))
                        .bind("createdAt", key.createdAt())
                        .execute();
                insert(handle, key);
            });
            return true;
        } catch (JdbiException e) {
            if (SqlStates.isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void rotate(SigningKey fresh) {
        jdbi.useTransaction(handle -> {
            insert(handle, fresh);
            handle.createUpdate(ROTATE_OUT)
                    .bind("kid", fresh.kid())
                    .bind("now", fresh.createdAt())
                    .execute();
        });
    }

    @Override
    public boolean deleteInactive(String kid) {
        return jdbi.withHandle(handle -> handle.createUpdate("DELETE FROM signing_key WHERE kid = :kid AND NOT active")
                        .bind("kid", kid)
                        .execute())
                > 0;
    }

    private void insert(Handle handle, SigningKey key) {
        handle.createUpdate(INSERT_KEY)
                .bind("kid", key.kid())
                .bind("privateDer", masterKey.seal(key.privateDer(), context(key.kid())))
                .bind("publicDer", key.publicDer())
                .bind("createdAt", key.createdAt())
                .bind("active", key.active())
                .execute();
    }

    private static String context(String kid) {
        return "signing_key/" + kid;
    }
}
