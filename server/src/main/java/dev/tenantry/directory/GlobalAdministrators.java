package dev.tenantry.directory;

import dev.tenantry.shared.Caller;
import dev.tenantry.shared.RuleViolationException;
import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.UserId;
import java.util.Set;

/**
 * R8's lasting half: a directory keeps at least one enabled Global Administrator. The rule counts holders, so it
 * first locks the directory ({@link TenantRepository#lock}): two administrators removing, disabling or deleting each
 * other at once are serialised, and the second sees the first's change (issue 7.3).
 */
public final class GlobalAdministrators {

    private static final Set<DirectoryRoleTemplate> ROLE = Set.of(DirectoryRoleTemplate.GLOBAL_ADMINISTRATOR);

    private final TenantRepository tenants;
    private final UserRepository users;
    private final DirectoryRoleRepository roles;
    private final DirectoryAccess access;

    public GlobalAdministrators(
            TenantRepository tenants, UserRepository users, DirectoryRoleRepository roles, DirectoryAccess access) {
        this.tenants = tenants;
        this.users = users;
        this.roles = roles;
        this.access = access;
    }

    /** Locks the directory for the rest of the transaction; call before anything the rule counts is read. */
    public void lock(Caller caller, TenantId tenantId) {
        access.requireSameTenant(caller, tenantId);
        tenants.lock(tenantId);
    }

    /** Refuses to {@code action} {@code userId} when it is the last enabled Global Administrator; call locked. */
    public void requireAnother(TenantId tenantId, UserId userId, String action) {
        if (!roles.rolesOf(tenantId, userId).containsAll(ROLE)) {
            return;
        }
        boolean another = roles.holders(tenantId, ROLE).stream()
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
}
