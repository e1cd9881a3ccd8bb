package dev.tenantry.identity;

import dev.tenantry.directory.PasswordHasher;
import dev.tenantry.directory.Tenant;
import dev.tenantry.directory.TenantRepository;
import dev.tenantry.directory.User;
import dev.tenantry.directory.UserFilter;
import dev.tenantry.directory.UserRepository;
import dev.tenantry.shared.Page;
import dev.tenantry.shared.PageRequest;
import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.UserId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Fakes of the directory's ports that the token service needs (tenants, users, password hashing). */
final class InMemoryDirectory {

    private InMemoryDirectory() {}

    /** Tenants in a map. */
    static final class Tenants implements TenantRepository {
        private final Map<TenantId, Tenant> byId = new ConcurrentHashMap<>();

        @Override
        public void insert(Tenant tenant) {
            byId.put(tenant.id(), tenant);
        }

        @Override
        public Optional<Tenant> findById(TenantId id) {
            return Optional.ofNullable(byId.get(id));
        }

        @Override
        public Optional<Tenant> findByDomain(String domain) {
            return byId.values().stream()
                    .filter(t -> t.initialDomain().equalsIgnoreCase(domain.strip()))
                    .findFirst();
        }
    }

    /** Users and password hashes in maps; listing is not needed by the token service. */
    static final class Users implements UserRepository {
        private final Map<UserId, User> byId = new ConcurrentHashMap<>();
        private final Map<UserId, String> hashes = new ConcurrentHashMap<>();

        @Override
        public void insert(User user, String passwordHash) {
            byId.put(user.id(), user);
            hashes.put(user.id(), passwordHash);
        }

        @Override
        public Optional<User> findById(TenantId tenantId, UserId id) {
            return Optional.ofNullable(byId.get(id)).filter(u -> u.tenantId().equals(tenantId));
        }

        @Override
        public Optional<User> findByUpn(String userPrincipalName) {
            String key = userPrincipalName.strip().toLowerCase(Locale.ROOT);
            return byId.values().stream()
                    .filter(u -> User.upnKey(u.userPrincipalName()).equals(key))
                    .findFirst();
        }

        @Override
        public Page<User> list(TenantId tenantId, List<UserFilter> filters, PageRequest page) {
            throw new UnsupportedOperationException("not needed by the token service");
        }

        @Override
        public void update(User user) {
            byId.put(user.id(), user);
        }

        @Override
        public boolean delete(TenantId tenantId, UserId id) {
            return byId.remove(id) != null;
        }

        @Override
        public Optional<String> passwordHash(UserId id) {
            return Optional.ofNullable(hashes.get(id));
        }

        @Override
        public void setPasswordHash(UserId id, String passwordHash) {
            hashes.put(id, passwordHash);
        }
    }

    /** A fast, reversible "hash": fine for unit tests, never for production. */
    static final class PlainPasswords implements PasswordHasher {
        @Override
        public String hash(String password) {
            return "plain:" + password;
        }

        @Override
        public boolean matches(String password, String encodedHash) {
            return encodedHash.equals("plain:" + password);
        }

        @Override
        public void burnOneCheck(String password) {}
    }
}
