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

    /** Refresh token families by id; the legacy hashes V43 kept, by hash. */
    public static final class RefreshTokens implements RefreshTokenRepository {
        public final Map<UUID, RefreshToken> families = new ConcurrentHashMap<>();
        /** What V43 would have kept of tokens handed out before it; a test puts them here. */
        public final Map<String, UUID> legacy = new ConcurrentHashMap<>();

        @Override
        public void insert(RefreshToken first) {
            if (families.putIfAbsent(first.familyId(), first) != null) {
                throw new IllegalStateException("a refresh token family with this id is stored already");
            }
        }

        @Override
        public Optional<RefreshToken> findFamily(UUID familyId) {
            return Optional.ofNullable(families.get(familyId));
        }

        @Override
        public Optional<UUID> findLegacyFamily(String tokenHash) {
            return Optional.ofNullable(legacy.get(tokenHash));
        }

        @Override
        public synchronized boolean rotate(RefreshToken current, RefreshToken next) {
            if (!current.familyId().equals(next.familyId())) {
                throw new IllegalArgumentException("a family rotates into itself");
            }
            RefreshToken stored = families.get(current.familyId());
            if (stored == null
                    || stored.revoked()
                    || stored.generation() != current.generation()
                    || !stored.tokenHash().equals(current.tokenHash())) {
                return false;
            }
            families.put(next.familyId(), next);
            return true;
        }

        @Override
        public void revokeFamily(UUID familyId) {
            families.computeIfPresent(familyId, (id, t) -> revoked(t));
        }

        @Override
        public synchronized int revokeAllOf(UserId userId) {
            int live = (int) families.values().stream()
                    .filter(t -> t.userId().equals(userId) && !t.revoked())
                    .count();
            families.replaceAll((id, t) -> t.userId().equals(userId) ? revoked(t) : t);
            return live;
        }

        @Override
        public synchronized int deleteSpent(Instant now, Instant spentBefore) {
            int before = families.size();
            families.values()
                    .removeIf(t -> !t.expiresAt().isAfter(now)
                            || (t.revoked() && t.issuedAt().isBefore(spentBefore)));
            int codesBefore = codes.size();
            codes.values().removeIf(c -> c.expiresAt().isBefore(spentBefore));
            return before - families.size() + codesBefore - codes.size();
        }

        final Map<String, AuthorizationCode> codes = new ConcurrentHashMap<>();

        @Override
        public void insertCode(AuthorizationCode code) {
            if (codes.putIfAbsent(code.codeHash(), code) != null) {
                throw new IllegalStateException("an authorization code with this hash is stored already");
            }
        }

        @Override
        public Optional<AuthorizationCode> findCode(String codeHash) {
            return Optional.ofNullable(codes.get(codeHash));
        }

        @Override
        public synchronized boolean spendCode(String codeHash, Instant usedAt) {
            AuthorizationCode c = codes.get(codeHash);
            if (c == null || c.usedAt() != null) {
                return false;
            }
            codes.put(
                    codeHash,
                    new AuthorizationCode(
                            c.codeHash(),
                            c.familyId(),
                            c.tenantId(),
                            c.userId(),
                            c.clientId(),
                            c.redirectUri(),
                            c.scope(),
                            c.scp(),
                            c.nonce(),
                            c.codeChallenge(),
                            c.issuedAt(),
                            c.expiresAt(),
                            usedAt,
                            c.sid()));
            return true;
        }

        private static RefreshToken revoked(RefreshToken t) {
            return new RefreshToken(
                    t.familyId(),
                    t.generation(),
                    t.tokenHash(),
                    t.tenantId(),
                    t.userId(),
                    t.clientId(),
                    t.scope(),
                    t.issuedAt(),
                    t.expiresAt(),
                    true,
                    t.sid());
        }
    }

    /** Signing keys in a list; the first insert wins, as the SQL guard row makes it; a rotation is atomic. */
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

        @Override
        public synchronized void rotate(SigningKey fresh) {
            keys.replaceAll(k -> k.active()
                    ? new SigningKey(k.kid(), k.privateDer(), k.publicDer(), k.createdAt(), false, fresh.createdAt())
                    : k);
            keys.add(fresh);
        }

        @Override
        public synchronized boolean deleteInactive(String kid) {
            return keys.removeIf(k -> k.kid().equals(kid) && !k.active());
        }
    }
}
