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

    private RefreshToken insert(UUID family, User user, Instant issuedAt, Instant expiresAt) {
        RefreshToken token = token(family, user, issuedAt, expiresAt);
        tokens.insert(token);
        return token;
    }

    private static RefreshToken token(UUID family, User user, Instant issuedAt, Instant expiresAt) {
        return new RefreshToken(
                family,
                0,
                "h0-" + family,
                user.tenantId(),
                user.id(),
                UUID.randomUUID(),
                "openid offline_access",
                issuedAt,
                expiresAt,
                false,
                "0c6f5a1e-2b3d-4e8f-9a7b-1c2d3e4f5a6b");
    }

    private RefreshToken insert(UUID family, User user) {
        return insert(family, user, NOW, NOW.plus(DAY));
    }

    private boolean revoked(UUID family) {
        return tokens.findFamily(family).orElseThrow().revoked();
    }

    @Test
    @DisplayName("issue 13: a refresh token family is found by its id, at its first token, unrevoked")
    void insertedFamilyIsFoundById() {
        RefreshToken token = insert(UUID.randomUUID(), kelley);

        assertThat(tokens.findFamily(token.familyId())).contains(token);
        assertThat(tokens.findFamily(token.familyId()).orElseThrow().sid())
                .isEqualTo("0c6f5a1e-2b3d-4e8f-9a7b-1c2d3e4f5a6b");
        assertThat(tokens.findFamily(UUID.randomUUID())).isEmpty();
        assertThat(tokens.findLegacyFamily("no-such-hash")).isEmpty();
    }

    @Test
    @DisplayName("issue 13: a family is stored once")
    void duplicateFamilyIsRefused() {
        RefreshToken token = insert(UUID.randomUUID(), kelley);

        assertThatThrownBy(() -> insert(token.familyId(), megan)).isInstanceOf(RuntimeException.class);
        assertThat(tokens.findFamily(token.familyId())).contains(token);
    }

    @Test
    @DisplayName("issue 13: rotating moves the family to its next token, with its own hash, scope and lifetime")
    void rotateMovesTheFamilyOn() {
        RefreshToken first = insert(UUID.randomUUID(), kelley);
        RefreshToken next = first.rotated("h1", "openid", NOW.plusSeconds(1), NOW.plus(DAY.multipliedBy(2)));

        assertThat(tokens.rotate(first, next)).isTrue();

        RefreshToken stored = tokens.findFamily(first.familyId()).orElseThrow();
        assertThat(stored).isEqualTo(next);
        assertThat(stored.generation()).isEqualTo(1);
        assertThat(stored.sid()).isEqualTo(first.sid());
    }

    @Test
    @DisplayName("issue 13: a family that moved on, was revoked, or is unknown does not rotate, and nothing is stored")
    void rotateRefusesWhatCannotBeSpent() {
        RefreshToken first = insert(UUID.randomUUID(), kelley);
        RefreshToken second = first.rotated("h1", first.scope(), NOW, NOW.plus(DAY));
        tokens.rotate(first, second);
        RefreshToken revokedFirst = insert(UUID.randomUUID(), kelley);
        tokens.revokeFamily(revokedFirst.familyId());
        RefreshToken unknown = token(UUID.randomUUID(), kelley, NOW, NOW.plus(DAY));
        RefreshToken forged = new RefreshToken(
                second.familyId(),
                second.generation(),
                "forged",
                second.tenantId(),
                second.userId(),
                second.clientId(),
                second.scope(),
                second.issuedAt(),
                second.expiresAt(),
                false,
                second.sid());

        assertThat(tokens.rotate(first, first.rotated("n1", first.scope(), NOW, NOW.plus(DAY))))
                .as("a spent generation")
                .isFalse();
        assertThat(tokens.rotate(forged, forged.rotated("n2", first.scope(), NOW, NOW.plus(DAY))))
                .as("the current generation with another hash")
                .isFalse();
        assertThat(tokens.rotate(revokedFirst, revokedFirst.rotated("n3", first.scope(), NOW, NOW.plus(DAY))))
                .as("a revoked family")
                .isFalse();
        assertThat(tokens.rotate(unknown, unknown.rotated("n4", first.scope(), NOW, NOW.plus(DAY))))
                .as("an unknown family")
                .isFalse();
        assertThat(tokens.findFamily(first.familyId())).contains(second);
        assertThat(tokens.findFamily(revokedFirst.familyId()).orElseThrow().generation())
                .isZero();
        assertThat(tokens.findFamily(unknown.familyId())).isEmpty();
    }

    @Test
    @DisplayName("issue 8: revoking a family revokes it only")
    void revokeFamilyRevokesItOnly() {
        UUID family = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        insert(family, kelley);
        insert(other, kelley);

        tokens.revokeFamily(family);

        assertThat(revoked(family)).isTrue();
        assertThat(revoked(other)).isFalse();
    }

    @Test
    @DisplayName("issue 8: revoking a user's tokens counts the families still live, and revokes them all")
    void revokeAllOfCountsTheLiveOnes() {
        UUID family = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        UUID megans = UUID.randomUUID();
        insert(family, kelley);
        insert(second, kelley);
        insert(third, kelley);
        insert(megans, megan);
        tokens.revokeFamily(family);

        assertThat(tokens.revokeAllOf(kelley.id())).isEqualTo(2);
        assertThat(revoked(second)).isTrue();
        assertThat(revoked(third)).isTrue();
        assertThat(revoked(megans)).isFalse();
        assertThat(tokens.revokeAllOf(kelley.id())).isZero();
    }

    @Test
    @DisplayName("issue 8: spent families are deleted: expired, or revoked and last issued before the horizon")
    void deleteSpentDeletesWhatCanNeverBeRedeemed() {
        Instant horizon = NOW.minus(DAY);
        UUID expired = insert(UUID.randomUUID(), kelley, NOW.minus(DAY.multipliedBy(3)), NOW)
                .familyId();
        UUID revokedOld = insert(UUID.randomUUID(), kelley, horizon.minusSeconds(1), NOW.plus(DAY))
                .familyId();
        tokens.revokeFamily(revokedOld);
        UUID live = insert(UUID.randomUUID(), kelley).familyId();
        RefreshToken longLived = insert(UUID.randomUUID(), kelley, NOW.minus(DAY.multipliedBy(3)), NOW.plus(DAY));
        tokens.rotate(longLived, longLived.rotated("h1", longLived.scope(), NOW, NOW.plus(DAY)));
        UUID revokedLately = insert(UUID.randomUUID(), kelley, horizon.plusSeconds(1), NOW.plus(DAY))
                .familyId();
        tokens.revokeFamily(revokedLately);

        int deleted = tokens.deleteSpent(NOW, horizon);

        assertThat(deleted).isEqualTo(2);
        assertThat(tokens.findFamily(expired)).isEmpty();
        assertThat(tokens.findFamily(revokedOld)).isEmpty();
        assertThat(tokens.findFamily(live)).isPresent();
        assertThat(tokens.findFamily(longLived.familyId())).isPresent();
        assertThat(tokens.findFamily(revokedLately)).isPresent();
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
                RefreshToken current = insert(UUID.randomUUID(), kelley);
                AtomicInteger winners = new AtomicInteger();
                RefreshToken first = current.rotated("a-" + round, current.scope(), NOW, NOW.plus(DAY));
                RefreshToken second = current.rotated("b-" + round, current.scope(), NOW, NOW.plus(DAY));
                Races.race(
                        threads,
                        () -> {
                            if (tokens.rotate(current, first)) {
                                winners.incrementAndGet();
                            }
                        },
                        () -> {
                            if (tokens.rotate(current, second)) {
                                winners.incrementAndGet();
                            }
                        });
                assertThat(winners.get()).as("round %d", round).isEqualTo(1);
                RefreshToken stored = tokens.findFamily(current.familyId()).orElseThrow();
                assertThat(stored.generation()).as("round %d", round).isEqualTo(1);
                assertThat(stored.tokenHash()).as("round %d", round).isIn("a-" + round, "b-" + round);
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
