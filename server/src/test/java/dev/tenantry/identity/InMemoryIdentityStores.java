package dev.tenantry.identity;

import dev.tenantry.shared.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Fakes of the identity ports: refresh tokens and signing keys in memory. */
public final class InMemoryIdentityStores {

    private InMemoryIdentityStores() {}

    /** Refresh tokens by hash. */
    public static final class RefreshTokens implements RefreshTokenRepository {
        final Map<String, RefreshToken> byHash = new ConcurrentHashMap<>();

        @Override
        public void insert(RefreshToken token) {
            byHash.put(token.tokenHash(), token);
        }

        @Override
        public Optional<RefreshToken> findByHash(String tokenHash) {
            return Optional.ofNullable(byHash.get(tokenHash));
        }

        @Override
        public synchronized boolean markUsed(String tokenHash, Instant usedAt) {
            RefreshToken token = byHash.get(tokenHash);
            if (token == null || token.usedAt() != null || token.revoked()) {
                return false;
            }
            byHash.put(tokenHash, copy(token, usedAt, false));
            return true;
        }

        @Override
        public void revokeFamily(UUID familyId) {
            byHash.replaceAll((hash, t) -> t.familyId().equals(familyId) ? copy(t, t.usedAt(), true) : t);
        }

        @Override
        public int revokeAllOf(UserId userId) {
            int live = (int) byHash.values().stream()
                    .filter(t -> t.userId().equals(userId) && !t.revoked())
                    .count();
            byHash.replaceAll((hash, t) -> t.userId().equals(userId) ? copy(t, t.usedAt(), true) : t);
            return live;
        }

        @Override
        public int deleteSpent(Instant now, Instant spentBefore) {
            int before = byHash.size();
            byHash.values()
                    .removeIf(t -> !t.expiresAt().isAfter(now)
                            || (t.usedAt() != null && t.usedAt().isBefore(spentBefore))
                            || (t.revoked() && t.issuedAt().isBefore(spentBefore)));
            return before - byHash.size();
        }

        private static RefreshToken copy(RefreshToken t, Instant usedAt, boolean revoked) {
            return new RefreshToken(
                    t.tokenHash(),
                    t.familyId(),
                    t.tenantId(),
                    t.userId(),
                    t.clientId(),
                    t.scope(),
                    t.issuedAt(),
                    t.expiresAt(),
                    usedAt,
                    revoked);
        }
    }

    /** Signing keys in a list; the first insert wins, as the SQL guard row makes it. */
    public static final class SigningKeyStore implements SigningKeyRepository {
        private final List<SigningKey> keys = new ArrayList<>();

        @Override
        public synchronized List<SigningKey> all() {
            return keys.stream()
                    .sorted(Comparator.comparing(SigningKey::createdAt).reversed())
                    .toList();
        }

        @Override
        public synchronized boolean tryCreateFirst(SigningKey key) {
            if (!keys.isEmpty()) {
                return false;
            }
            keys.add(key);
            return true;
        }
    }
}
