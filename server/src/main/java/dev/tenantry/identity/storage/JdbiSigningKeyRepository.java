package dev.tenantry.identity.storage;

import dev.tenantry.identity.SigningKey;
import dev.tenantry.identity.SigningKeyRepository;
import dev.tenantry.storage.JdbiServerSecrets;
import dev.tenantry.storage.MasterKey;
import dev.tenantry.storage.PlaintextSecrets;
import dev.tenantry.storage.SqlStates;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * Signing keys in SQL, private keys encrypted with the {@link MasterKey}; the first key is guarded by a row in {@code
 * server_secret} so only one node creates it.
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
                        "SELECT kid, private_der, public_der, created_at, active FROM signing_key"
                                + " ORDER BY created_at DESC, kid")
                .map((rs, ctx) -> new SigningKey(
                        rs.getString("kid"),
                        masterKey.open(rs.getString("private_der"), context(rs.getString("kid"))),
                        rs.getString("public_der"),
                        ctx.findColumnMapperFor(Instant.class).orElseThrow().map(rs, "created_at", ctx),
                        rs.getBoolean("active")))
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
                handle.createUpdate(INSERT_KEY)
                        .bind("kid", key.kid())
                        .bind("privateDer", masterKey.seal(key.privateDer(), context(key.kid())))
                        .bind("publicDer", key.publicDer())
                        .bind("createdAt", key.createdAt())
                        .bind("active", key.active())
                        .execute();
            });
            return true;
        } catch (JdbiException e) {
            if (SqlStates.isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    private static String context(String kid) {
        return "signing_key/" + kid;
    }
}
