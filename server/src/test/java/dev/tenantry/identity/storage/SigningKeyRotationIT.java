package dev.tenantry.identity.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tenantry.identity.SigningKeys;
import dev.tenantry.storage.Database;
import dev.tenantry.storage.MasterKey;
import dev.tenantry.testing.TestClock;
import dev.tenantry.testing.TestDatabases;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Two nodes' {@link SigningKeys} over one real database (H2, and PostgreSQL when {@code TENANTRY_TEST_PG_URL} is set):
 * a key rotated on one signs on the other within the reload interval, stays sealed at rest, and the previous key keeps
 * verifying.
 */
class SigningKeyRotationIT {

    private static final MasterKey MASTER_KEY = MasterKey.of(new SecureRandom().generateSeed(32));
    private static final Optional<TestDatabases.Throwaway> POSTGRES = TestDatabases.postgres();

    private final TestClock clock = TestClock.atTen();

    @AfterAll
    static void dropPostgres() {
        POSTGRES.ifPresent(TestDatabases.Throwaway::close);
    }

    @Test
    @DisplayName("issue 8: a rotation through another node is picked up from H2; old tokens verify; the JWKS has both")
    void rotationReachesTheOtherNodeOnH2() throws Exception {
        try (Database database = TestDatabases.h2()) {
            rotationReachesTheOtherNode(database);
        }
    }

    @Test
    @DisplayName("issue 8: the same on PostgreSQL")
    void rotationReachesTheOtherNodeOnPostgres() throws Exception {
        assumeTrue(POSTGRES.isPresent(), "TENANTRY_TEST_PG_URL is not set");
        rotationReachesTheOtherNode(POSTGRES.orElseThrow().database());
    }

    private void rotationReachesTheOtherNode(Database database) throws Exception {
        SigningKeys nodeA = SigningKeys.loadOrCreate(new JdbiSigningKeyRepository(database.jdbi(), MASTER_KEY), clock);
        SigningKeys nodeB = SigningKeys.loadOrCreate(new JdbiSigningKeyRepository(database.jdbi(), MASTER_KEY), clock);
        String first = nodeA.currentKid();
        String oldToken = nodeA.sign(new JWTClaimsSet.Builder().subject("s").build());

        String second = nodeB.rotate();
        clock.advance(SigningKeys.RELOAD_INTERVAL);

        assertThat(nodeA.currentKid()).isEqualTo(second);
        assertThat(kids(nodeA.jwks())).containsExactly(second, first);
        SignedJWT old = SignedJWT.parse(oldToken);
        assertThat(old.verify(nodeA.verifier(first).orElseThrow())).isTrue();
        assertThat(column(database, "SELECT private_der FROM signing_key WHERE kid = :kid", second))
                .startsWith("aesgcm1:");
        Instant rotatedOutAt = database.jdbi()
                .withHandle(handle -> handle.createQuery("SELECT rotated_out_at FROM signing_key WHERE kid = :kid")
                        .bind("kid", first)
                        .mapTo(Instant.class)
                        .one());
        assertThat(rotatedOutAt).isEqualTo(clock.instant().minus(SigningKeys.RELOAD_INTERVAL));
    }

    private static String column(Database database, String sql, String kid) {
        return database.jdbi().withHandle(handle -> handle.createQuery(sql)
                .bind("kid", kid)
                .mapTo(String.class)
                .one());
    }

    @SuppressWarnings("unchecked")
    private static List<Object> kids(Map<String, Object> jwks) {
        return ((List<Map<String, Object>>) jwks.get("keys"))
                .stream().map(key -> key.get("kid")).toList();
    }
}
