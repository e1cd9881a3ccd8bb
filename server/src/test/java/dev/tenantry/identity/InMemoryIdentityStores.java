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
            if (byHash.putIfAbsent(token.tokenHash(), token) != null) {
                throw new IllegalStateException("a refresh token with this hash is stored already");
            }
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
        public synchronized boolean rotate(String spentHash, Instant usedAt, RefreshToken next) {
            if (byHash.containsKey(next.tokenHash())) {
                // as the database's primary key refuses it, rolling the whole rotation back
                throw new IllegalStateException("a refresh token with this hash is stored already");
            }
            if (!markUsed(spentHash, usedAt)) {
                return false;
            }
            insert(next);
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
            int codesBefore = codes.size();
            codes.values().removeIf(c -> c.expiresAt().isBefore(spentBefore));
            return before - byHash.size() + codesBefore - codes.size();
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
                    revoked,
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
