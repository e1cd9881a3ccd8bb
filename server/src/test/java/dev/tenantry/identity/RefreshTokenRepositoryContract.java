package dev.tenantry.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantry.directory.User;
import dev.tenantry.testing.ContractStores;
import dev.tenantry.testing.Races;
import dev.tenantry.testing.RepositoryContract;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What every {@link RefreshTokenRepository} does (issue 8: a contract per fake, run on the fake and on SQL). */
public abstract class RefreshTokenRepositoryContract extends RepositoryContract {

    private static final Duration DAY = Duration.ofDays(1);

    private final RefreshTokenRepository tokens;
    private User kelley;
    private User megan;

    /** A contract over {@code stores}, with the refresh tokens {@code tokensOver} makes over them. */
    protected <S extends ContractStores> RefreshTokenRepositoryContract(
            S stores, Function<S, RefreshTokenRepository> tokensOver) {
        super(stores);
        this.tokens = tokensOver.apply(stores);
    }

    @BeforeEach
    void insertUsers() {
        kelley = user(contoso, "kelley");
        megan = user(contoso, "megan");
    }

    private RefreshToken insert(String hash, UUID family, User user, Instant issuedAt, Instant expiresAt) {
        RefreshToken token = token(hash, family, user, issuedAt, expiresAt);
        tokens.insert(token);
        return token;
    }

    private static RefreshToken token(String hash, UUID family, User user, Instant issuedAt, Instant expiresAt) {
        return new RefreshToken(
                hash,
                family,
                user.tenantId(),
                user.id(),
                UUID.randomUUID(),
                "openid offline_access",
                issuedAt,
                expiresAt,
                null,
                false,
                "0c6f5a1e-2b3d-4e8f-9a7b-1c2d3e4f5a6b");
    }

    private RefreshToken insert(String hash, UUID family, User user) {
        return insert(hash, family, user, NOW, NOW.plus(DAY));
    }

    private boolean revoked(String hash) {
        return tokens.findByHash(hash).orElseThrow().revoked();
    }

    @Test
    @DisplayName("issue 8: a refresh token is found by its hash, unused and unrevoked")
    void insertedTokenIsFoundByHash() {
        RefreshToken token = insert("h1", UUID.randomUUID(), kelley);

        assertThat(tokens.findByHash("h1")).contains(token);
        assertThat(tokens.findByHash("h1").orElseThrow().sid()).isEqualTo("0c6f5a1e-2b3d-4e8f-9a7b-1c2d3e4f5a6b");
        assertThat(tokens.findByHash("h2")).isEmpty();
    }

    @Test
    @DisplayName("issue 8: a token hash is stored once")
    void duplicateHashIsRefused() {
        RefreshToken token = insert("h1", UUID.randomUUID(), kelley);

        assertThatThrownBy(() -> insert("h1", UUID.randomUUID(), megan)).isInstanceOf(RuntimeException.class);
        assertThat(tokens.findByHash("h1")).contains(token);
    }

    @Test
    @DisplayName("issue 8: a token is marked used once; a revoked or unknown one is not")
    void markUsedOnce() {
        UUID family = UUID.randomUUID();
        insert("h1", family, kelley);
        insert("h2", UUID.randomUUID(), kelley);
        tokens.revokeFamily(family);

        assertThat(tokens.markUsed("h2", NOW.plusSeconds(1))).isTrue();
        assertThat(tokens.markUsed("h2", NOW.plusSeconds(2))).isFalse();
        assertThat(tokens.markUsed("h1", NOW.plusSeconds(1))).isFalse();
        assertThat(tokens.markUsed("unknown", NOW)).isFalse();
        assertThat(tokens.findByHash("h2").orElseThrow().usedAt()).isEqualTo(NOW.plusSeconds(1));
        assertThat(tokens.findByHash("h1").orElseThrow().usedAt()).isNull();
    }

    @Test
    @DisplayName("issue 13: rotating spends the presented token and stores the next one, in one step")
    void rotateSpendsAndStores() {
        UUID family = UUID.randomUUID();
        insert("h1", family, kelley);
        RefreshToken next = token("h2", family, kelley, NOW, NOW.plus(DAY));

        assertThat(tokens.rotate("h1", NOW.plusSeconds(1), next)).isTrue();

        assertThat(tokens.findByHash("h1").orElseThrow().usedAt()).isEqualTo(NOW.plusSeconds(1));
        assertThat(tokens.findByHash("h2")).contains(next);
    }

    @Test
    @DisplayName("issue 13: a used, revoked or unknown token does not rotate, and the next one is not stored")
    void rotateRefusesWhatCannotBeSpent() {
        UUID family = UUID.randomUUID();
        insert("used", family, kelley);
        tokens.markUsed("used", NOW);
        UUID revokedFamily = UUID.randomUUID();
        insert("revoked", revokedFamily, kelley);
        tokens.revokeFamily(revokedFamily);

        assertThat(tokens.rotate("used", NOW.plusSeconds(1), token("n1", family, kelley, NOW, NOW.plus(DAY))))
                .isFalse();
        assertThat(tokens.rotate("revoked", NOW.plusSeconds(1), token("n2", family, kelley, NOW, NOW.plus(DAY))))
                .isFalse();
        assertThat(tokens.rotate("unknown", NOW.plusSeconds(1), token("n3", family, kelley, NOW, NOW.plus(DAY))))
                .isFalse();
        assertThat(tokens.findByHash("n1")).isEmpty();
        assertThat(tokens.findByHash("n2")).isEmpty();
        assertThat(tokens.findByHash("n3")).isEmpty();
        assertThat(tokens.findByHash("used").orElseThrow().usedAt()).isEqualTo(NOW);
    }

    @Test
    @DisplayName("issue 8: revoking a family revokes its tokens only")
    void revokeFamilyRevokesItsTokensOnly() {
        UUID family = UUID.randomUUID();
        insert("h1", family, kelley);
        insert("h2", family, kelley);
        insert("h3", UUID.randomUUID(), kelley);

        tokens.revokeFamily(family);

        assertThat(revoked("h1")).isTrue();
        assertThat(revoked("h2")).isTrue();
        assertThat(revoked("h3")).isFalse();
    }

    @Test
    @DisplayName("issue 8: revoking a user's tokens counts those still live, in every family")
    void revokeAllOfCountsTheLiveOnes() {
        UUID family = UUID.randomUUID();
        insert("h1", family, kelley);
        insert("h2", UUID.randomUUID(), kelley);
        insert("h3", UUID.randomUUID(), kelley);
        insert("h4", UUID.randomUUID(), megan);
        tokens.revokeFamily(family);

        assertThat(tokens.revokeAllOf(kelley.id())).isEqualTo(2);
        assertThat(revoked("h2")).isTrue();
        assertThat(revoked("h3")).isTrue();
        assertThat(revoked("h4")).isFalse();
        assertThat(tokens.revokeAllOf(kelley.id())).isZero();
    }

    @Test
    @DisplayName("issue 8: spent tokens are deleted: expired, used before the horizon, or revoked and issued before it")
    void deleteSpentDeletesWhatCanNeverBeRedeemed() {
        Instant horizon = NOW.minus(DAY);
        insert("expired", UUID.randomUUID(), kelley, NOW.minus(DAY.multipliedBy(3)), NOW);
        insert("used-long-ago", UUID.randomUUID(), kelley, NOW.minus(DAY.multipliedBy(3)), NOW.plus(DAY));
        tokens.markUsed("used-long-ago", horizon.minusSeconds(1));
        UUID oldFamily = UUID.randomUUID();
        insert("revoked-old", oldFamily, kelley, horizon.minusSeconds(1), NOW.plus(DAY));
        tokens.revokeFamily(oldFamily);
        insert("live", UUID.randomUUID(), kelley);
        insert("used-lately", UUID.randomUUID(), kelley);
        tokens.markUsed("used-lately", horizon.plusSeconds(1));
        UUID newFamily = UUID.randomUUID();
        insert("revoked-lately", newFamily, kelley, horizon.plusSeconds(1), NOW.plus(DAY));
        tokens.revokeFamily(newFamily);

        int deleted = tokens.deleteSpent(NOW, horizon);

        assertThat(deleted).isEqualTo(3);
        assertThat(tokens.findByHash("expired")).isEmpty();
        assertThat(tokens.findByHash("used-long-ago")).isEmpty();
        assertThat(tokens.findByHash("revoked-old")).isEmpty();
        assertThat(tokens.findByHash("live")).isPresent();
        assertThat(tokens.findByHash("used-lately")).isPresent();
        assertThat(tokens.findByHash("revoked-lately")).isPresent();
    }

    private AuthorizationCode code(String hash, User user) {
        AuthorizationCode code = new AuthorizationCode(
                hash,
                UUID.randomUUID(),
                user.tenantId(),
                user.id(),
                UUID.randomUUID(),
                "http://localhost:8400",
                "openid offline_access User.Read",
                "User.Read",
                "nonce-1",
                "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
                NOW,
                NOW.plusSeconds(600),
                null,
                "5b2a0c8e-3f1d-4b6a-9c7e-2d4f6a8b0c1e");
        tokens.insertCode(code);
        return code;
    }

    @Test
    @DisplayName("issue 11: an authorization code is found by its hash, and spent once")
    void authorizationCodeIsSpentOnce() {
        AuthorizationCode code = code("c1", kelley);

        assertThat(tokens.findCode("c1")).contains(code);
        assertThat(tokens.findCode("c2")).isEmpty();
        assertThat(tokens.spendCode("c1", NOW.plusSeconds(5))).isTrue();
        assertThat(tokens.spendCode("c1", NOW.plusSeconds(6))).isFalse();
        assertThat(tokens.spendCode("unknown", NOW)).isFalse();
        assertThat(tokens.findCode("c1").orElseThrow().usedAt()).isEqualTo(NOW.plusSeconds(5));
        assertThat(tokens.findCode("c1").orElseThrow().sid()).isEqualTo(code.sid());
        assertThatThrownBy(() -> code("c1", megan)).isInstanceOf(RuntimeException.class);
    }

    @Test
    @DisplayName("issue 11: codes that expired before the horizon are purged with the spent refresh tokens")
    void expiredCodesArePurged() {
        code("fresh", kelley);
        tokens.insertCode(new AuthorizationCode(
                "old",
                UUID.randomUUID(),
                kelley.tenantId(),
                kelley.id(),
                UUID.randomUUID(),
                "http://localhost",
                "openid",
                "",
                null,
                null,
                NOW.minus(DAY.multipliedBy(3)),
                NOW.minus(DAY.multipliedBy(3)).plusSeconds(600),
                null,
                null));

        assertThat(tokens.deleteSpent(NOW, NOW.minus(DAY))).isEqualTo(1);
        assertThat(tokens.findCode("old")).isEmpty();
        assertThat(tokens.findCode("fresh")).isPresent();
    }

    @Test
    @DisplayName("issue 11: two redemptions of one code at the same moment: exactly one spends it")
    void concurrentRedemptionsSpendACodeOnce() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                String hash = "race-" + round;
                code(hash, kelley);
                AtomicInteger winners = new AtomicInteger();
                Runnable redeem = () -> {
                    if (tokens.spendCode(hash, NOW.plusSeconds(1))) {
                        winners.incrementAndGet();
                    }
                };
                Races.race(threads, redeem, redeem);
                assertThat(winners.get()).as("round %d", round).isEqualTo(1);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    @DisplayName("issue 13: two rotations of one refresh token at the same moment: exactly one spends it and stores its"
            + " successor")
    void concurrentRotationsSpendATokenOnce() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                UUID family = UUID.randomUUID();
                String hash = "rotate-" + round;
                insert(hash, family, kelley);
                AtomicInteger winners = new AtomicInteger();
                RefreshToken first = token(hash + "-a", family, kelley, NOW, NOW.plus(DAY));
                RefreshToken second = token(hash + "-b", family, kelley, NOW, NOW.plus(DAY));
                Races.race(
                        threads,
                        () -> {
                            if (tokens.rotate(hash, NOW.plusSeconds(1), first)) {
                                winners.incrementAndGet();
                            }
                        },
                        () -> {
                            if (tokens.rotate(hash, NOW.plusSeconds(1), second)) {
                                winners.incrementAndGet();
                            }
                        });
                assertThat(winners.get()).as("round %d", round).isEqualTo(1);
                assertThat(tokens.findByHash(hash + "-a").isPresent()
                                ^ tokens.findByHash(hash + "-b").isPresent())
                        .as("round %d: exactly one successor stored", round)
                        .isTrue();
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
