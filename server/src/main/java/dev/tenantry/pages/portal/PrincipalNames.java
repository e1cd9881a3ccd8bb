package dev.tenantry.pages.portal;

import dev.tenantry.access.PrincipalType;
import dev.tenantry.directory.Group;
import dev.tenantry.directory.User;
import dev.tenantry.directory.UserFilter;
import dev.tenantry.directory.apps.ApplicationService;
import dev.tenantry.directory.apps.ServicePrincipal;
import dev.tenantry.directory.groups.GroupService;
import dev.tenantry.directory.users.UserService;
import dev.tenantry.pages.portal.PortalIamPage.Principal;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.DomainException;
import dev.tenantry.shared.PageRequest;
import dev.tenantry.shared.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Names the principals of role assignments and finds them by name for the IAM pages, with the caller's own directory
 * rights (as Azure's people picker uses the signer's Graph rights): what the caller may not read shows as its id.
 */
final class PrincipalNames {

    private static final int SEARCH_SIZE = 20;

    private final UserService users;
    private final GroupService groups;
    private final ApplicationService applications;

    PrincipalNames(UserService users, GroupService groups, ApplicationService applications) {
        this.users = users;
        this.groups = groups;
        this.applications = applications;
    }

    Principal name(Caller caller, TenantId tenant, UUID id, PrincipalType type) {
        try {
            return switch (type) {
                case USER -> user(users.getUser(caller, tenant, id.toString()));
                case GROUP -> group(groups.get(caller, tenant, id.toString()));
                case SERVICE_PRINCIPAL -> servicePrincipal(applications.getServicePrincipal(caller, tenant, id));
            };
        } catch (DomainException unreadable) {
            return new Principal(
                    id.toString(), "Unknown " + type.armName().toLowerCase(Locale.ROOT), id.toString(), type.armName());
        }
    }

    /** Users, groups and service principals whose display name starts with {@code search}, each kind the caller reads. */
    List<Principal> search(Caller caller, TenantId tenant, String search, boolean usersOnly) {
        String prefix = search == null ? "" : search.strip();
        List<Principal> found = new ArrayList<>();
        try {
            List<UserFilter> filters = prefix.isEmpty()
                    ? List.of()
                    : List.of(
                            new UserFilter(UserFilter.Property.DISPLAY_NAME, UserFilter.Operator.STARTS_WITH, prefix));
            users.listUsersByDisplayName(caller, tenant, filters, new PageRequest(null, SEARCH_SIZE)).items().stream()
                    .map(PrincipalNames::user)
                    .forEach(found::add);
        } catch (DomainException mayNotReadUsers) {
            // the caller sees the kinds it may read
        }
        if (usersOnly) {
            return found;
        }
        try {
            groups
                    .list(
                            caller,
                            tenant,
                            List.of(),
                            prefix.isEmpty() ? null : prefix,
                            true,
                            new PageRequest(null, SEARCH_SIZE))
                    .items()
                    .stream()
                    .map(PrincipalNames::group)
                    .forEach(found::add);
        } catch (DomainException mayNotReadGroups) {
            // as above
        }
        try {
            // the directory has no search of service principals by name; their number is small
            applications.listServicePrincipals(caller, tenant).stream()
                    .filter(sp -> sp.displayName().toLowerCase(Locale.ROOT).startsWith(prefix.toLowerCase(Locale.ROOT)))
                    .limit(SEARCH_SIZE)
                    .map(PrincipalNames::servicePrincipal)
                    .forEach(found::add);
        } catch (DomainException mayNotReadApplications) {
            // as above
        }
        return found;
    }

    private static Principal user(User user) {
        return new Principal(
                user.id().toString(), user.displayName(), user.userPrincipalName(), PrincipalType.USER.armName());
    }

    private static Principal group(Group group) {
        return new Principal(group.id().toString(), group.displayName(), "Group", PrincipalType.GROUP.armName());
    }

    private static Principal servicePrincipal(ServicePrincipal sp) {
        return new Principal(
                sp.id().toString(), sp.displayName(), "App " + sp.appId(), PrincipalType.SERVICE_PRINCIPAL.armName());
    }
}
