package dev.tenantry.testing;

import dev.tenantry.directory.DirectoryError;
import dev.tenantry.directory.User;
import dev.tenantry.directory.UserFilter;
import dev.tenantry.directory.UserRepository;
import dev.tenantry.shared.ConflictException;
import dev.tenantry.shared.Ids;
import dev.tenantry.shared.Page;
import dev.tenantry.shared.PageRequest;
import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.UserId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Users in a map, behaving as {@code JdbiUserRepository}: UPNs unique server-wide ignoring case, keyset pages in SQL
 * UUID order, filters compared ignoring case with {@code startsWith} values taken literally.
 */
public final class InMemoryUserRepository implements UserRepository, Restorable {

    private final Map<UserId, Stored> users = new HashMap<>();
    private final Consumer<UserId> onDelete;
    private final Predicate<UserId> inUse;

    public InMemoryUserRepository() {
        this(id -> {});
    }

    /** A repository that tells {@code onDelete} about each deleted user, to drop its role memberships. */
    public InMemoryUserRepository(Consumer<UserId> onDelete) {
        this(onDelete, id -> false);
    }

    /**
     * A repository that also refuses to delete a user {@code inUse} says a row refers to (the account administrator of
     * a cloud subscription), as the SQL foreign key does.
     */
    public InMemoryUserRepository(Consumer<UserId> onDelete, Predicate<UserId> inUse) {
        this.onDelete = onDelete;
        this.inUse = inUse;
    }

    /**
     * Users as the SQL store keeps them among the other fakes: a deleted user leaves its role memberships, its
     * licences and its groups, and the account administrator of a cloud subscription cannot be deleted.
     */
    public static InMemoryUserRepository cascading(
            InMemoryDirectoryRoleRepository roles,
            InMemoryLicenceRepository licences,
            InMemoryCloudSubscriptionRepository clouds,
            InMemoryGroupRepository groups) {
        return cascading(roles, licences, clouds, groups, id -> {});
    }

    /**
     * As above, and a deleted user's app role assignments go too ({@code principalGone} drops them), as the SQL store
     * deletes them with the user.
     */
    public static InMemoryUserRepository cascading(
            InMemoryDirectoryRoleRepository roles,
            InMemoryLicenceRepository licences,
            InMemoryCloudSubscriptionRepository clouds,
            InMemoryGroupRepository groups,
            Consumer<UUID> principalGone) {
        return new InMemoryUserRepository(
                id -> {
                    roles.forget(id);
                    licences.forget(id);
                    groups.forget(id);
                    principalGone.accept(id.value());
                },
                clouds::administeredBy);
    }

    private record Stored(User user, String passwordHash) {}

    @Override
    public void insert(User user, String passwordHash) {
        if (findByUpn(user.userPrincipalName()).isPresent() || users.containsKey(user.id())) {
            throw new ConflictException(
                    DirectoryError.UPN_TAKEN,
                    "The user name '" + user.userPrincipalName() + "' is already taken.",
                    "userPrincipalName");
        }
        users.put(user.id(), new Stored(user, passwordHash));
    }

    @Override
    public Optional<User> findById(TenantId tenantId, UserId id) {
        return Optional.ofNullable(users.get(id)).map(Stored::user).filter(u -> u.tenantId()
                .equals(tenantId));
    }

    @Override
    public Optional<User> findByUpn(String userPrincipalName) {
        String key = User.upnKey(userPrincipalName);
        return users.values().stream()
                .map(Stored::user)
                .filter(u -> User.upnKey(u.userPrincipalName()).equals(key))
                .findFirst();
    }

    @Override
    public Page<User> list(TenantId tenantId, List<UserFilter> filters, PageRequest page) {
        if (UserFilter.anyDisplayNamePrefix(filters)) {
            return listByDisplayName(tenantId, filters, page);
        }
        String after = page.after() == null
                ? null
                : Ids.parseUuid(page.after(), "page position").toString();
        List<User> fetched = users.values().stream()
                .map(Stored::user)
                .filter(u -> u.tenantId().equals(tenantId))
                .filter(u -> filters.stream().allMatch(f -> matches(u, f)))
                .filter(u -> after == null || u.id().value().toString().compareTo(after) > 0)
                .sorted(Comparator.comparing(u -> u.id().value(), Uuids.SQL_ORDER))
                .limit(page.size() + 1L)
                .toList();
        return Page.of(fetched, page.size(), user -> user.id().toString());
    }

    @Override
    public Page<User> listByDisplayName(TenantId tenantId, List<UserFilter> filters, PageRequest page) {
        Comparator<User> byName = Comparator.comparing(
                        (User u) -> u.displayName().toLowerCase(Locale.ROOT))
                .thenComparing(u -> u.id().value(), Uuids.SQL_ORDER);
        List<User> fetched = users.values().stream()
                .map(Stored::user)
                .filter(u -> u.tenantId().equals(tenantId))
                .filter(u -> filters.stream().allMatch(f -> matches(u, f)))
                .sorted(byName)
                .filter(u -> page.after() == null || afterPosition(u, page.after()))
                .limit(page.size() + 1L)
                .toList();
        return Page.of(fetched, page.size(), User::displayNameKey);
    }

    private static boolean afterPosition(User user, String after) {
        int separator = after.lastIndexOf('\u0000');
        String name = after.substring(0, separator);
        String id = after.substring(separator + 1);
        int byName = user.displayName().toLowerCase(Locale.ROOT).compareTo(name);
        return byName > 0 || (byName == 0 && user.id().value().toString().compareTo(id) > 0);
    }

    private static boolean matches(User user, UserFilter filter) {
        return switch (filter.property()) {
            case ID ->
                Ids.tryParse(filter.value()).filter(user.id().value()::equals).isPresent();
            case ACCOUNT_ENABLED -> user.accountEnabled() == Boolean.parseBoolean(filter.value());
            case USER_TYPE ->
                user.userType()
                        .name()
                        .toLowerCase(Locale.ROOT)
                        .equals(filter.lowerValue().equals("guest") ? "guest" : "member");
            default -> {
                String column = text(user, filter.property());
                if (column == null) {
                    yield false;
                }
                String lower = column.toLowerCase(Locale.ROOT);
                yield filter.operator() == UserFilter.Operator.EQ
                        ? lower.equals(filter.lowerValue())
                        : lower.startsWith(filter.lowerValue());
            }
        };
    }

    private static String text(User user, UserFilter.Property property) {
        return switch (property) {
            case USER_PRINCIPAL_NAME -> user.userPrincipalName();
            case DISPLAY_NAME -> user.displayName();
            case GIVEN_NAME -> user.givenName();
            case SURNAME -> user.surname();
            case MAIL -> user.mail();
            case MAIL_NICKNAME -> user.mailNickname();
            case ID, USER_TYPE, ACCOUNT_ENABLED -> throw new IllegalArgumentException(property.propertyName());
        };
    }

    @Override
    public void update(User user) {
        Stored stored = users.get(user.id());
        if (stored == null || !stored.user().tenantId().equals(user.tenantId())) {
            return;
        }
        User old = stored.user();
        User updated = new User(
                old.id(),
                old.tenantId(),
                old.userPrincipalName(),
                user.displayName(),
                user.givenName(),
                user.surname(),
                user.mail(),
                old.mailNickname(),
                user.accountEnabled(),
                user.usageLocation(),
                old.userType(),
                user.jobTitle(),
                old.createdAt());
        users.put(user.id(), new Stored(updated, stored.passwordHash()));
    }

    @Override
    public boolean delete(TenantId tenantId, UserId id) {
        if (findById(tenantId, id).isEmpty()) {
            return false;
        }
        if (inUse.test(id)) {
            throw new ConflictException(
                    DirectoryError.USER_IN_USE,
                    "The user is the account administrator of a cloud subscription; give the subscription "
                            + "another account administrator before deleting the user.");
        }
        users.remove(id);
        onDelete.accept(id);
        return true;
    }

    @Override
    public Optional<String> passwordHash(UserId id) {
        return Optional.ofNullable(users.get(id)).map(Stored::passwordHash);
    }

    @Override
    public void setPasswordHash(UserId id, String passwordHash) {
        users.computeIfPresent(id, (key, stored) -> new Stored(stored.user(), passwordHash));
    }

    /** How many users the repository holds, in every directory. */
    public int count() {
        return users.size();
    }

    /** Every user of every directory, in no particular order. */
    public List<User> all() {
        return users.values().stream().map(Stored::user).toList();
    }

    @Override
    public Runnable snapshot() {
        return Restorable.copyOf(users);
    }
}
