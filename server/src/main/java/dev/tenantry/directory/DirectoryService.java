package dev.tenantry.directory;

import dev.tenantry.shared.AuthenticationException;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.Column;
import dev.tenantry.shared.ConflictException;
import dev.tenantry.shared.Ids;
import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.shared.NotFoundException;
import dev.tenantry.shared.Page;
import dev.tenantry.shared.PageRequest;
import dev.tenantry.shared.RuleViolationException;
import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.Transactions;
import dev.tenantry.shared.UserId;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/** Use cases of a directory: creating it, its users, and their directory roles. */
public final class DirectoryService {

    private static final Pattern DOMAIN_PREFIX = Pattern.compile("^[a-z0-9](?:[a-z0-9-]{0,25}[a-z0-9])?$");

    private final TenantRepository tenants;
    private final UserRepository users;
    private final DirectoryRoleRepository roles;
    private final DirectoryAccess access;
    private final PasswordHasher passwords;
    private final UserFactory factory;
    private final Transactions transactions;
    private final Clock clock;
    private final String domainSuffix;
    private final List<Consumer<TenantId>> tenantCreatedListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<UserId>> signInsRevokedListeners = new CopyOnWriteArrayList<>();

    public DirectoryService(
            TenantRepository tenants,
            UserRepository users,
            DirectoryRoleRepository roles,
            PasswordHasher passwords,
            Transactions transactions,
            Clock clock,
            String domainSuffix) {
        this.tenants = tenants;
        this.users = users;
        this.roles = roles;
        this.access = new DirectoryAccess(roles);
        this.passwords = passwords;
        this.factory = new UserFactory(clock);
        this.transactions = transactions;
        this.clock = clock;
        this.domainSuffix = domainSuffix.toLowerCase(Locale.ROOT);
    }

    /** Runs {@code listener} inside the transaction creating every new directory, e.g. to provision it. */
    public void onTenantCreated(Consumer<TenantId> listener) {
        tenantCreatedListeners.add(listener);
    }

    /**
     * Runs {@code listener} inside the transaction that resets a user's password, disables or deletes the account, so
     * its web sessions and refresh tokens end with the change (issue 7.9); identity registers it, as directory may not
     * depend on identity.
     */
    public void onSignInsRevoked(Consumer<UserId> listener) {
        signInsRevokedListeners.add(listener);
    }

    public DirectoryAccess access() {
        return access;
    }

    /**
     * R8: makes a directory with the initial domain {@code <prefix>.<suffix>} and its first user, who becomes Global
     * Administrator. Runs in the caller's transaction, so a later failure of the sign-up leaves nothing behind.
     */
    public CreatedDirectory createDirectory(
            String organization, String countryCode, String domainPrefix, NewUser admin) {
        String name = Text.required(organization, "organization", Column.TENANT_DISPLAY_NAME);
        String country = Countries.require(countryCode, "countryCode");
        String domain = initialDomain(domainPrefix);
        return transactions.inTransaction(() -> {
            if (tenants.findByDomain(domain).isPresent()) {
                throw domainTaken(domain);
            }
            Tenant tenant = new Tenant(TenantId.random(), name, country, domain, clock.instant());
            tenants.insert(tenant);
            User user = insertUser(tenant, admin, country);
            roles.addMember(roles.activate(tenant.id(), DirectoryRoleTemplate.GLOBAL_ADMINISTRATOR), user.id());
            tenantCreatedListeners.forEach(listener -> listener.accept(tenant.id()));
            return new CreatedDirectory(tenant, user);
        });
    }

    /** Whether {@code domainPrefix} is valid and no directory has taken {@code <prefix>.<suffix>} yet. */
    public boolean isDomainAvailable(String domainPrefix) {
        return tenants.findByDomain(initialDomain(domainPrefix)).isEmpty();
    }

    public String initialDomain(String domainPrefix) {
        String prefix = domainPrefix == null ? "" : domainPrefix.strip().toLowerCase(Locale.ROOT);
        if (!DOMAIN_PREFIX.matcher(prefix).matches()) {
            throw new InvalidRequestException(
                    DirectoryError.INVALID_DOMAIN_PREFIX,
                    "The domain prefix '" + domainPrefix + "' is not valid: use 1 to 27 letters, digits or hyphens, "
                            + "starting and ending with a letter or digit.",
                    "domainPrefix");
        }
        return prefix + "." + domainSuffix;
    }

    /** Public facts about a directory, by id or initial domain; for discovery documents and sign-in. */
    public Optional<Tenant> findTenant(String idOrDomain) {
        if (idOrDomain == null) {
            return Optional.empty();
        }
        Optional<UUID> id = Ids.tryParse(idOrDomain);
        return id.isPresent() ? tenants.findById(new TenantId(id.get())) : tenants.findByDomain(idOrDomain);
    }

    public Tenant getTenant(Caller caller, TenantId tenantId) {
        access.requireSameTenant(caller, tenantId);
        return tenants.findById(tenantId)
                .orElseThrow(() -> new NotFoundException(
                        DirectoryError.TENANT_NOT_FOUND, "Directory '" + tenantId + "' does not exist."));
    }

    public User createUser(Caller caller, TenantId tenantId, NewUser newUser) {
        return transactions.inTransaction(() -> {
            access.requireManageUsers(caller, tenantId);
            Tenant tenant = getTenant(caller, tenantId);
            return insertUser(tenant, newUser, null);
        });
    }

    /** A user of the tenant by object id or user principal name. */
    public User getUser(Caller caller, TenantId tenantId, String idOrUpn) {
        access.requireRead(caller, tenantId, GraphScopes.READ_OWN_PROFILE, ReadPermissions.USERS);
        User user = findUser(tenantId, idOrUpn)
                .orElseThrow(() -> new NotFoundException(
                        DirectoryError.USER_NOT_FOUND, "User '" + idOrUpn + "' does not exist in this directory."));
        if (!(caller instanceof Caller.User self && self.userId().equals(user.id()))) {
            // User.Read reads the signed-in user's own profile only
            access.requireRead(caller, tenantId, GraphScopes.READ_USERS, ReadPermissions.USERS);
        }
        return user;
    }

    public Page<User> listUsers(Caller caller, TenantId tenantId, List<UserFilter> filters, PageRequest page) {
        access.requireRead(caller, tenantId, GraphScopes.READ_USERS, ReadPermissions.USERS);
        return users.list(tenantId, filters, page);
    }

    /** The tenant's users ordered by display name, as the consoles list them. */
    public Page<User> listUsersByDisplayName(
            Caller caller, TenantId tenantId, List<UserFilter> filters, PageRequest page) {
        access.requireRead(caller, tenantId, GraphScopes.READ_USERS, ReadPermissions.USERS);
        return users.listByDisplayName(tenantId, filters, page);
    }

    public User updateUser(Caller caller, TenantId tenantId, String idOrUpn, UserPatch patch) {
        return transactions.inTransaction(() -> {
            if (Boolean.FALSE.equals(patch.accountEnabled())) {
                lockDirectory(caller, tenantId);
            }
            Set<UserAction> actions = UserAction.of(patch);
            if (!actions.equals(Set.of(UserAction.RESET_PASSWORD))) {
                // a password alone is what a Helpdesk Administrator may set; anything else needs a user manager
                access.requireManageUsers(caller, tenantId);
            }
            User current = getUser(caller, tenantId, idOrUpn);
            actions.forEach(action -> access.requireUserAction(caller, tenantId, action, current.id()));
            if (Boolean.FALSE.equals(patch.accountEnabled()) && current.accountEnabled()) {
                requireAnotherGlobalAdministrator(tenantId, current.id(), "disable");
            }
            User updated = factory.patched(current, patch);
            users.update(updated);
            if (patch.password() != null) {
                PasswordPolicy.check(patch.password(), current.userPrincipalName());
                users.setPasswordHash(current.id(), passwords.hash(patch.password()));
            }
            if (patch.password() != null || Boolean.FALSE.equals(patch.accountEnabled())) {
                revokeSignIns(current.id());
            }
            return updated;
        });
    }

    public void deleteUser(Caller caller, TenantId tenantId, String idOrUpn) {
        transactions.run(() -> {
            lockDirectory(caller, tenantId);
            access.requireManageUsers(caller, tenantId);
            User user = getUser(caller, tenantId, idOrUpn);
            if (caller instanceof Caller.User self && self.userId().equals(user.id())) {
                throw new RuleViolationException(
                        DirectoryError.CANNOT_DELETE_SELF, "You cannot delete your own account.");
            }
            access.requireUserAction(caller, tenantId, UserAction.DELETE, user.id());
            requireAnotherGlobalAdministrator(tenantId, user.id(), "delete");
            revokeSignIns(user.id());
            users.delete(tenantId, user.id());
        });
    }

    /** R10: the directory roles a user holds. */
    public Set<DirectoryRoleTemplate> rolesOf(Caller caller, TenantId tenantId, UserId userId) {
        access.requireRead(caller, tenantId, GraphScopes.READ_ROLES, ReadPermissions.ROLES);
        return roles.rolesOf(tenantId, userId);
    }

    public List<DirectoryRole> activatedRoles(Caller caller, TenantId tenantId) {
        access.requireRead(caller, tenantId, GraphScopes.READ_ROLES, ReadPermissions.ROLES);
        return roles.activated(tenantId);
    }

    /** A role by its object id or, as Graph allows, by its template id. */
    public DirectoryRole getRole(Caller caller, TenantId tenantId, String idOrTemplateId) {
        access.requireRead(caller, tenantId, GraphScopes.READ_ROLES, ReadPermissions.ROLES);
        UUID id = Ids.parseUuid(idOrTemplateId, "directory role id");
        return roles.findById(tenantId, id)
                .or(() -> DirectoryRoleTemplate.byTemplateId(id).flatMap(t -> roles.activated(tenantId).stream()
                        .filter(r -> r.template() == t)
                        .findFirst()))
                .orElseThrow(() -> new NotFoundException(
                        DirectoryError.ROLE_NOT_FOUND,
                        "Directory role '" + idOrTemplateId + "' is not activated in this directory."));
    }

    public List<User> roleMembers(Caller caller, TenantId tenantId, String roleId) {
        DirectoryRole role = getRole(caller, tenantId, roleId);
        return roles.members(role).stream()
                .flatMap(id -> users.findById(tenantId, id).stream())
                .toList();
    }

    /** Activates a built-in role in the tenant (Graph {@code POST /directoryRoles}); Global Administrator only. */
    public DirectoryRole activateRole(Caller caller, TenantId tenantId, UUID templateId) {
        access.requireGlobalAdministrator(caller, tenantId, "activate directory roles");
        DirectoryRoleTemplate template = DirectoryRoleTemplate.byTemplateId(templateId)
                .orElseThrow(() -> new InvalidRequestException(
                        DirectoryError.UNKNOWN_ROLE_TEMPLATE,
                        "'" + templateId + "' is not the template id of a built-in role."));
        return roles.activate(tenantId, template);
    }

    /** Assigns a directory role to a user of the same directory; only a Global Administrator may. */
    public void assignRole(Caller caller, TenantId tenantId, DirectoryRoleTemplate template, UserId userId) {
        transactions.run(() -> {
            access.requireGlobalAdministrator(caller, tenantId, "assign directory roles");
            User user = getUser(Caller.system(), tenantId, userId.toString());
            if (!roles.addMember(roles.activate(tenantId, template), user.id())) {
                throw new ConflictException(
                        DirectoryError.ROLE_ALREADY_ASSIGNED,
                        user.userPrincipalName() + " already holds " + template.displayName() + ".");
            }
        });
    }

    public void removeRole(Caller caller, TenantId tenantId, DirectoryRoleTemplate template, UserId userId) {
        transactions.run(() -> {
            lockDirectory(caller, tenantId);
            access.requireGlobalAdministrator(caller, tenantId, "remove directory roles");
            if (template == DirectoryRoleTemplate.GLOBAL_ADMINISTRATOR) {
                requireAnotherGlobalAdministrator(tenantId, userId, "remove the role from");
            }
            if (!roles.removeMember(roles.activate(tenantId, template), userId)) {
                throw new NotFoundException(
                        DirectoryError.ROLE_NOT_ASSIGNED, "The user does not hold " + template.displayName() + ".");
            }
        });
    }

    /** The organization (the directory itself) as Graph's {@code /organization} and {@code /domains} show it. */
    public Tenant readOrganization(Caller caller, TenantId tenantId) {
        access.requireRead(caller, tenantId, GraphScopes.READ_ORGANIZATION_PROFILE, ReadPermissions.ORGANIZATION);
        return getTenant(caller, tenantId);
    }

    /** R10: the activated directory roles a user (by id or UPN) holds, as Graph's {@code memberOf} lists them. */
    public List<DirectoryRole> directoryRolesOf(Caller caller, TenantId tenantId, String userIdOrUpn) {
        User user = getUser(caller, tenantId, userIdOrUpn);
        Set<DirectoryRoleTemplate> held = rolesOf(caller, tenantId, user.id());
        return roles.activated(tenantId).stream()
                .filter(role -> held.contains(role.template()))
                .toList();
    }

    /** Adds a member to a role given by object id or template id (Graph {@code members/$ref}); GA only. */
    public void addRoleMember(Caller caller, TenantId tenantId, String roleId, UserId userId) {
        transactions.run(() ->
                assignRole(caller, tenantId, getRole(caller, tenantId, roleId).template(), userId));
    }

    /** Removes a member from a role given by object id or template id; GA only. */
    public void removeRoleMember(Caller caller, TenantId tenantId, String roleId, UserId userId) {
        transactions.run(() ->
                removeRole(caller, tenantId, getRole(caller, tenantId, roleId).template(), userId));
    }

    /** Who in the directory holds any of {@code templates}: for an error page that says whom to ask. */
    public List<User> holdersOf(TenantId tenantId, Set<DirectoryRoleTemplate> templates) {
        return roles.holders(tenantId, templates).stream()
                .flatMap(id -> users.findById(tenantId, id).stream())
                .toList();
    }

    /**
     * The user who signs in with this name in any directory, for counting failed sign-ins (issue 7.8); no caller,
     * because the answer never leaves the server.
     */
    public Optional<UserId> findSignInUser(String userPrincipalName) {
        return userPrincipalName == null
                ? Optional.empty()
                : users.findByUpn(userPrincipalName).map(User::id);
    }

    /**
     * Checks a user name and password. An unknown user and a wrong password fail alike and take the same time; a
     * disabled account fails only once the password is right.
     */
    public User authenticate(String userPrincipalName, String password) {
        Optional<User> user = userPrincipalName == null ? Optional.empty() : users.findByUpn(userPrincipalName);
        Optional<String> hash = user.flatMap(u -> users.passwordHash(u.id()));
        if (hash.isEmpty() || password == null) {
            passwords.burnOneCheck(password);
            throw badCredentials();
        }
        if (!passwords.matches(password, hash.get())) {
            throw badCredentials();
        }
        if (!user.get().accountEnabled()) {
            throw new AuthenticationException(
                    DirectoryError.ACCOUNT_DISABLED, "The account is disabled; ask an administrator.");
        }
        return user.get();
    }

    public void resetPassword(Caller caller, TenantId tenantId, String idOrUpn, String newPassword) {
        updateUser(caller, tenantId, idOrUpn, new UserPatch(null, null, null, null, null, null, null, newPassword));
    }

    /**
     * Locks the directory for the rest of the transaction, before anything a last-administrator rule counts is read,
     * so two administrators acting on each other at once are serialised (issue 7.3).
     */
    private void lockDirectory(Caller caller, TenantId tenantId) {
        access.requireSameTenant(caller, tenantId);
        tenants.lock(tenantId);
    }

    /** A directory keeps at least one enabled Global Administrator; call with the directory locked. */
    private void requireAnotherGlobalAdministrator(TenantId tenantId, UserId userId, String action) {
        Set<DirectoryRoleTemplate> globalAdministrator = Set.of(DirectoryRoleTemplate.GLOBAL_ADMINISTRATOR);
        if (!roles.rolesOf(tenantId, userId).containsAll(globalAdministrator)) {
            return;
        }
        boolean another = roles.holders(tenantId, globalAdministrator).stream()
                .filter(holder -> !holder.equals(userId))
                .flatMap(holder -> users.findById(tenantId, holder).stream())
                .anyMatch(User::accountEnabled);
        if (!another) {
            throw new RuleViolationException(
                    DirectoryError.LAST_GLOBAL_ADMINISTRATOR,
                    "A directory keeps at least one enabled Global Administrator: assign the role to another user "
                            + "before you " + action + " this one.");
        }
    }

    private void revokeSignIns(UserId userId) {
        signInsRevokedListeners.forEach(listener -> listener.accept(userId));
    }

    private User insertUser(Tenant tenant, NewUser newUser, String defaultUsageLocation) {
        User user = factory.create(tenant, newUser, defaultUsageLocation);
        PasswordPolicy.check(newUser.password(), user.userPrincipalName());
        if (users.findByUpn(user.userPrincipalName()).isPresent()) {
            throw upnTaken(user.userPrincipalName());
        }
        users.insert(user, passwords.hash(newUser.password()));
        return user;
    }

    private Optional<User> findUser(TenantId tenantId, String idOrUpn) {
        Optional<UUID> id = Ids.tryParse(idOrUpn);
        if (id.isPresent()) {
            return users.findById(tenantId, new UserId(id.get()));
        }
        return users.findByUpn(idOrUpn == null ? "" : idOrUpn)
                .filter(u -> u.tenantId().equals(tenantId));
    }

    private static AuthenticationException badCredentials() {
        return new AuthenticationException(
                DirectoryError.INVALID_CREDENTIALS, "Your account or password is incorrect.");
    }

    static ConflictException domainTaken(String domain) {
        return new ConflictException(
                DirectoryError.DOMAIN_TAKEN,
                "The domain '" + domain + "' is already taken; choose another domain prefix.",
                "domainPrefix");
    }

    static ConflictException upnTaken(String upn) {
        return new ConflictException(
                DirectoryError.UPN_TAKEN,
                "The user name '" + upn + "' is already taken; choose another.",
                "userPrincipalName");
    }
}
