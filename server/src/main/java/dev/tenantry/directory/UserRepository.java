package dev.tenantry.directory;

import dev.tenantry.shared.Page;
import dev.tenantry.shared.PageRequest;
import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.UserId;
import java.util.List;
import java.util.Optional;

/** Stores users and their password hashes. */
public interface UserRepository {

    /** Inserts a user; a taken UPN (server-wide) is a {@code ConflictException} with code {@code upn_taken}. */
    void insert(User user, String passwordHash);

    Optional<User> findById(TenantId tenantId, UserId id);

    /** Finds a user by UPN in any directory, compared case-insensitively; for sign-in. */
    Optional<User> findByUpn(String userPrincipalName);

    /**
     * A page of the tenant's users matching every filter (none: all), ordered by id; when a filter is a startswith on
     * displayName ({@link UserFilter#anyDisplayNamePrefix}), ordered and keyed as {@link #listByDisplayName} instead.
     */
    Page<User> list(TenantId tenantId, List<UserFilter> filters, PageRequest page);

    /**
     * A page of the tenant's users matching every filter, ordered by display name ignoring case, then by id; the
     * page key is {@link User#displayNameKey}.
     */
    Page<User> listByDisplayName(TenantId tenantId, List<UserFilter> filters, PageRequest page);

    void update(User user);

    /** Deletes the user and its role memberships; false when there was none. */
    boolean delete(TenantId tenantId, UserId id);

    /** The stored password hash, empty when the user has no password. */
    Optional<String> passwordHash(UserId id);

    void setPasswordHash(UserId id, String passwordHash);
}
