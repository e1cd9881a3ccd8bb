package dev.tenantry.directory.apps;

import dev.tenantry.directory.DirectoryAccess;
import dev.tenantry.directory.DirectoryError;
import dev.tenantry.directory.Group;
import dev.tenantry.directory.GroupRepository;
import dev.tenantry.directory.Text;
import dev.tenantry.directory.User;
import dev.tenantry.directory.UserRepository;
import dev.tenantry.shared.AccessDeniedException;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.Column;
import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.shared.NotFoundException;
import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.Transactions;
import dev.tenantry.shared.UserId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * App roles (issue 11): the {@code appRoles} an app registration defines, who holds them (Graph's
 * {@code appRoleAssignedTo} and {@code appRoleAssignments} of users, groups and service principals), whether a user
 * needs an assignment to sign in ({@code appRoleAssignmentRequired}), and the {@code roles} a token carries.
 */
public final class AppRoleService {

    /** Graph's characters of an app role value: no spaces; it may not start with a dot. */
    private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9:!#$%&'()*+,\\-./;<=>?@\\[\\]^_`{|}~]+");

    /** The kinds of principal Graph assigns app roles to, as its {@code principalType} names them. */
    public enum PrincipalKind {
        USER("User"),
        GROUP("Group"),
        SERVICE_PRINCIPAL("ServicePrincipal");

        private final String graphName;

        PrincipalKind(String graphName) {
            this.graphName = graphName;
        }

        public String graphName() {
            return graphName;
        }
    }

    private final ApplicationRepository applications;
    private final ApplicationService applicationService;
    private final UserRepository users;
    private final GroupRepository groups;
    private final DirectoryAccess access;
    private final Transactions transactions;
    private final Clock clock;

    public AppRoleService(
            ApplicationRepository applications,
            ApplicationService applicationService,
            UserRepository users,
            GroupRepository groups,
            DirectoryAccess access,
            Transactions transactions,
            Clock clock) {
        this.applications = applications;
        this.applicationService = applicationService;
        this.users = users;
        this.groups = groups;
        this.access = access;
        this.transactions = transactions;
        this.clock = clock;
    }

    // ---- the roles an application defines

    /** The app roles of the tenant's application {@code objectId}, for whoever may read it. */
    public List<AppRole> appRoles(Caller caller, TenantId tenantId, UUID objectId) {
        access.requireReadApplications(caller, tenantId);
        return applications.appRoles(application(tenantId, objectId).id());
    }

    /**
     * Replaces the application's {@code appRoles} as Graph's PATCH does, checked as Entra checks them: ids and values
     * unique, values of Graph's characters, each role allowed to some member type, and a role removed only once it was
     * disabled ({@code isEnabled:false}) by an earlier request.
     */
    public List<AppRole> setAppRoles(Caller caller, TenantId tenantId, UUID objectId, List<AppRole> roles) {
        return transactions.inTransaction(() -> {
            Application application = applicationService.manageableApplication(caller, tenantId, objectId);
            List<AppRole> checked = checked(roles);
            Set<UUID> kept = checked.stream().map(AppRole::id).collect(Collectors.toSet());
            for (AppRole old : applications.appRoles(application.id())) {
                if (!kept.contains(old.id()) && old.isEnabled()) {
                    throw new InvalidRequestException(
                            AppRoleError.APP_ROLE_STILL_ENABLED,
                            "appRoles: the app role '" + old.value() + "' (" + old.id()
                                    + ") is enabled and cannot be removed."
                                    + " Set its isEnabled to false first, then remove it in a later request.",
                            "appRoles");
                }
            }
            applications.replaceAppRoles(application.id(), checked);
            return checked;
        });
    }

    /** The roles as given, each checked; a refusal names the property ({@code appRoles}…). */
    public static List<AppRole> checked(List<AppRole> roles) {
        Set<UUID> ids = new HashSet<>();
        Set<String> values = new HashSet<>();
        List<AppRole> out = new ArrayList<>();
        for (AppRole role : roles) {
            if (!ids.add(role.id())) {
                throw invalid(
                        "appRoles.id '" + role.id() + "' is used by two app roles; each needs its own id.",
                        "appRoles.id");
            }
            if (role.allowedMemberTypes().isEmpty()) {
                throw invalid(
                        "appRoles.allowedMemberTypes of the app role '" + role.id()
                                + "' is required: [\"User\"], [\"Application\"] or" + " both.",
                        "appRoles.allowedMemberTypes");
            }
            String value = Text.optional(role.value(), "appRoles.value", Column.APP_ROLE_VALUE);
            if (value != null) {
                if (!VALUE.matcher(value).matches() || value.startsWith(".")) {
                    throw invalid(
                            "appRoles.value '" + value + "' is not valid: it may hold letters, digits and"
                                    + " :!#$%&'()*+,-./;<=>?@[]^_`{|}~ but no spaces, and may not start with '.'.",
                            "appRoles.value");
                }
                if (!values.add(value)) {
                    throw invalid(
                            "appRoles.value '" + value + "' is used by two app roles; values must be unique.",
                            "appRoles.value");
                }
            }
            out.add(new AppRole(
                    role.id(),
                    role.allowedMemberTypes().stream().distinct().toList(),
                    Text.optional(role.description(), "appRoles.description", Column.APP_ROLE_DESCRIPTION),
                    Text.optional(role.displayName(), "appRoles.displayName", Column.APP_ROLE_DISPLAY_NAME),
                    role.isEnabled(),
                    value));
        }
        return out;
    }

    /** The {@code requiredResourceAccess} of the tenant's application {@code objectId}, for whoever may read it. */
    public List<RequiredResourceAccess> requiredResourceAccess(Caller caller, TenantId tenantId, UUID objectId) {
        access.requireReadApplications(caller, tenantId);
        return applications.requiredResourceAccess(
                application(tenantId, objectId).id());
    }

    /**
     * The delegated permissions ({@code Scope}) the directory's registration {@code clientAppId} lists for the resource
     * {@code resourceAppId} in its {@code requiredResourceAccess} (issue 11): what {@code .default} asks consent for at
     * the authorization endpoint. None for an application that is no registration of the directory. No caller: the
     * token path asks.
     */
    public Set<UUID> requiredScopeIds(TenantId tenantId, UUID clientAppId, UUID resourceAppId) {
        return applications
                .findByAppId(clientAppId)
                .filter(app -> app.tenantId().equals(tenantId)) // R14: only the directory's own registration
                .map(app -> applications.requiredResourceAccess(app.id()).stream()
                        .filter(resource -> resource.resourceAppId().equals(resourceAppId))
                        .flatMap(resource -> resource.resourceAccess().stream())
                        .filter(permission -> permission.type() == RequiredResourceAccess.Type.Scope)
                        .map(RequiredResourceAccess.Access::id)
                        .collect(Collectors.<UUID, Set<UUID>>toCollection(LinkedHashSet::new)))
                .orElseGet(Set::of);
    }

    /**
     * Replaces the application's {@code requiredResourceAccess}: each resource once, each permission once per resource;
     * an application permission ({@code Role}) of an app registered in this directory must be one of its app roles
     * that allows applications. Permissions of other resources (Microsoft Graph's hundreds) are stored as sent.
     */
    public List<RequiredResourceAccess> setRequiredResourceAccess(
            Caller caller, TenantId tenantId, UUID objectId, List<RequiredResourceAccess> requested) {
        return transactions.inTransaction(() -> {
            Application application = applicationService.manageableApplication(caller, tenantId, objectId);
            Set<UUID> resources = new HashSet<>();
            for (RequiredResourceAccess resource : requested) {
                if (!resources.add(resource.resourceAppId())) {
                    throw new InvalidRequestException(
                            AppRoleError.INVALID_REQUIRED_RESOURCE_ACCESS,
                            "requiredResourceAccess.resourceAppId '" + resource.resourceAppId() + "' appears twice;"
                                    + " list each resource once with all its permissions.",
                            "requiredResourceAccess.resourceAppId");
                }
                Set<UUID> ids = new HashSet<>();
                List<AppRole> localRoles = applications
                        .findByAppId(resource.resourceAppId())
                        .filter(app -> app.tenantId().equals(tenantId))
                        .map(app -> applications.appRoles(app.id()))
                        .orElse(null);
                for (RequiredResourceAccess.Access permission : resource.resourceAccess()) {
                    if (!ids.add(permission.id())) {
                        throw new InvalidRequestException(
                                AppRoleError.INVALID_REQUIRED_RESOURCE_ACCESS,
                                "requiredResourceAccess.resourceAccess.id '" + permission.id() + "' appears twice"
                                        + " for the resource '" + resource.resourceAppId() + "'.",
                                "requiredResourceAccess.resourceAccess.id");
                    }
                    if (permission.type() == RequiredResourceAccess.Type.Role
                            && localRoles != null
                            && localRoles.stream()
                                    .noneMatch(r -> r.id().equals(permission.id())
                                            && r.allows(AppRole.MemberType.APPLICATION))) {
                        throw new InvalidRequestException(
                                AppRoleError.INVALID_REQUIRED_RESOURCE_ACCESS,
                                "requiredResourceAccess.resourceAccess.id '" + permission.id() + "' is no app role of"
                                        + " the application '" + resource.resourceAppId() + "' that applications may"
                                        + " hold (allowedMemberTypes Application).",
                                "requiredResourceAccess.resourceAccess.id");
                    }
                }
            }
            applications.replaceRequiredResourceAccess(application.id(), requested);
            return List.copyOf(requested);
        });
    }

    /** The roles a service principal exposes: those of its application registered in the same directory. */
    public List<AppRole> appRolesOf(ServicePrincipal servicePrincipal) {
        return applications
                .findByAppId(servicePrincipal.appId())
                .filter(app -> app.tenantId().equals(servicePrincipal.tenantId()))
                .map(app -> applications.appRoles(app.id()))
                .orElse(List.of());
    }

    /** Whether users need an assignment to sign in to the app of {@code servicePrincipal}, which the caller read. */
    public boolean assignmentRequired(ServicePrincipal servicePrincipal) {
        return applications.appRoleAssignmentRequired(servicePrincipal.tenantId(), servicePrincipal.id());
    }

    /** Graph's PATCH of a service principal's {@code appRoleAssignmentRequired}: its owners and administrators. */
    public void setAssignmentRequired(Caller caller, TenantId tenantId, UUID servicePrincipalId, boolean required) {
        transactions.inTransaction(() -> {
            access.requireSameTenant(caller, tenantId);
            servicePrincipal(tenantId, servicePrincipalId);
            access.requireManageApplication(
                    caller, tenantId, ownsServicePrincipal(caller, tenantId, servicePrincipalId));
            applications.setAppRoleAssignmentRequired(tenantId, servicePrincipalId, required);
            return null;
        });
    }

    // ---- assignments

    /**
     * Assigns the role {@code appRoleId} of the resource service principal {@code resourceId} to the user, group or
     * service principal {@code principalId}; {@code expected} is the kind the request's path names (null: any). The
     * role must be an enabled role of the resource allowing that kind of member, or the default access role when the
     * resource defines none for it. Microsoft Graph's own permissions keep their rule (a Global Administrator).
     */
    public AssignedAppRole assign(
            Caller caller,
            TenantId tenantId,
            UUID principalId,
            PrincipalKind expected,
            UUID resourceId,
            UUID appRoleId) {
        return transactions.inTransaction(() -> {
            access.requireSameTenant(caller, tenantId);
            ServicePrincipal resource = servicePrincipal(tenantId, resourceId);
            Principal principal = principal(tenantId, principalId, expected);
            if (resource.appId().equals(ApplicationService.MICROSOFT_GRAPH_APP_ID)
                    && principal.kind() == PrincipalKind.SERVICE_PRINCIPAL) {
                AppRoleAssignment granted =
                        applicationService.grantAppRole(caller, tenantId, principalId, resourceId, appRoleId);
                return new AssignedAppRole(
                        granted, principal.kind().graphName(), principal.name(), resource.displayName());
            }
            access.requireAssignAppRoles(caller, tenantId, ownsServicePrincipal(caller, tenantId, resourceId));
            requireAssignable(resource, principal.kind(), appRoleId);
            AppRoleAssignment assignment = new AppRoleAssignment(
                    UUID.randomUUID(), tenantId, principalId, resourceId, appRoleId, clock.instant());
            applications.insertAssignment(assignment);
            return new AssignedAppRole(
                    assignment, principal.kind().graphName(), principal.name(), resource.displayName());
        });
    }

    /** Graph's {@code appRoleAssignedTo} of a resource service principal: who holds its roles. */
    public List<AssignedAppRole> assignedTo(Caller caller, TenantId tenantId, UUID resourceId) {
        access.requireReadApplications(caller, tenantId);
        ServicePrincipal resource = servicePrincipal(tenantId, resourceId);
        return transactions.inTransaction(
                () -> shown(tenantId, applications.assignmentsTo(tenantId, resourceId), r -> resource));
    }

    /** Graph's {@code appRoleAssignments} of a user, group or service principal: the roles it holds. */
    public List<AssignedAppRole> assignmentsOf(Caller caller, TenantId tenantId, UUID principalId, PrincipalKind kind) {
        access.requireReadApplications(caller, tenantId);
        principal(tenantId, principalId, kind);
        return transactions.inTransaction(
                () -> shown(tenantId, applications.assignmentsOf(tenantId, principalId), id -> applications
                        .findServicePrincipal(tenantId, id)
                        .orElse(null)));
    }

    /**
     * Removes an assignment, found through its resource ({@code principalId} null, Graph's
     * {@code appRoleAssignedTo/{id}}) or through its principal ({@code resourceId} null).
     */
    public void remove(Caller caller, TenantId tenantId, UUID principalId, UUID resourceId, UUID assignmentId) {
        transactions.inTransaction(() -> {
            access.requireSameTenant(caller, tenantId);
            List<AppRoleAssignment> candidates = principalId != null
                    ? applications.assignmentsOf(tenantId, principalId)
                    : applications.assignmentsTo(tenantId, resourceId);
            AppRoleAssignment assignment = candidates.stream()
                    .filter(a -> a.id().equals(assignmentId))
                    .findFirst()
                    .orElseThrow(() -> new NotFoundException(
                            DirectoryError.APP_ROLE_ASSIGNMENT_NOT_FOUND,
                            "App role assignment '" + assignmentId + "' does not exist here; GET the list of"
                                    + " assignments to see their ids."));
            ServicePrincipal resource = servicePrincipal(tenantId, assignment.resourceId());
            if (resource.appId().equals(ApplicationService.MICROSOFT_GRAPH_APP_ID)) {
                access.requireGlobalAdministratorToGrant(caller, tenantId, "revoke application permissions");
            } else {
                access.requireAssignAppRoles(caller, tenantId, ownsServicePrincipal(caller, tenantId, resource.id()));
            }
            applications.deleteAssignment(tenantId, assignment.principalId(), assignmentId);
            return null;
        });
    }

    // ---- the token side: no caller, the token service has authenticated the user or the client

    /**
     * The {@code roles} claim of principal {@code principalObjectId} (a user or a service principal) for the resource
     * service principal {@code resourceServicePrincipalId}: the values of the enabled roles assigned to it, and, for a
     * user, to the groups it is a <em>direct</em> member of — Entra does not expand nested groups for app role
     * assignments. Sorted; empty when none (and for the default access role, which has no value).
     */
    public List<String> rolesOf(TenantId tenantId, UUID principalObjectId, UUID resourceServicePrincipalId) {
        Optional<ServicePrincipal> resource = applications.findServicePrincipal(tenantId, resourceServicePrincipalId);
        if (resource.isEmpty()) {
            return List.of();
        }
        Map<UUID, AppRole> roles = appRolesOf(resource.get()).stream()
                .filter(AppRole::isEnabled)
                .filter(role -> role.value() != null)
                .collect(Collectors.toMap(AppRole::id, Function.identity()));
        Set<String> values = new TreeSet<>();
        for (AppRoleAssignment assignment : heldBy(tenantId, principalObjectId, resourceServicePrincipalId)) {
            AppRole role = roles.get(assignment.appRoleId());
            if (role != null) {
                values.add(role.value());
            }
        }
        return List.copyOf(values);
    }

    /**
     * The roles of user {@code userId} in the ID token of the client app {@code clientAppId} (its service principal in
     * the user's directory); refuses the sign-in with AADSTS50105 when the app requires an assignment and the user
     * holds none, directly or through a group it is a direct member of. A client not registered here (Microsoft's
     * first-party clients) gets no roles.
     */
    public List<String> signInRoles(TenantId tenantId, UserId userId, UUID clientAppId) {
        Optional<ServicePrincipal> client = applications.findServicePrincipalByAppId(tenantId, clientAppId);
        if (client.isEmpty()) {
            return List.of();
        }
        UUID spId = client.get().id();
        if (applications.appRoleAssignmentRequired(tenantId, spId)
                && heldBy(tenantId, userId.value(), spId).isEmpty()) {
            throw new AccessDeniedException(
                    AppRoleError.USER_NOT_ASSIGNED,
                    "The signed in user is not assigned to a role for the application '" + clientAppId + "' ("
                            + client.get().displayName() + "). Your administrator requires an assignment to use it:"
                            + " ask them to assign you, or a group you are a direct member of, to the application.");
        }
        return rolesOf(tenantId, userId.value(), spId);
    }

    private List<AppRoleAssignment> heldBy(TenantId tenantId, UUID principalId, UUID resourceId) {
        List<AppRoleAssignment> held = new ArrayList<>(applications.assignmentsOf(tenantId, principalId));
        // direct memberships only (groupsOf, not transitiveGroupsOf): Entra does not expand nested groups here
        for (Group group : groups.groupsOf(tenantId, principalId)) {
            held.addAll(applications.assignmentsOf(tenantId, group.id()));
        }
        held.removeIf(a -> !a.resourceId().equals(resourceId));
        return held;
    }

    private void requireAssignable(ServicePrincipal resource, PrincipalKind kind, UUID appRoleId) {
        AppRole.MemberType type =
                kind == PrincipalKind.SERVICE_PRINCIPAL ? AppRole.MemberType.APPLICATION : AppRole.MemberType.USER;
        List<AppRole> roles = appRolesOf(resource);
        boolean definesForType = roles.stream().anyMatch(r -> r.allows(type));
        if (appRoleId.equals(AppRole.DEFAULT_ACCESS) && !definesForType) {
            return;
        }
        boolean fits = roles.stream().anyMatch(r -> r.id().equals(appRoleId) && r.isEnabled() && r.allows(type));
        if (!fits) {
            throw new InvalidRequestException(
                    AppRoleError.APP_ROLE_NOT_ASSIGNABLE,
                    "Permission being assigned was not found on application '" + resource.appId() + "': appRoleId '"
                            + appRoleId + "' is no enabled app role of '" + resource.displayName() + "' that allows "
                            + type.graphName() + " members"
                            + (definesForType ? "." : "; use the default access role " + AppRole.DEFAULT_ACCESS + "."),
                    "appRoleId");
        }
    }

    private record Principal(PrincipalKind kind, String name) {}

    private Principal principal(TenantId tenantId, UUID id, PrincipalKind expected) {
        Optional<Principal> found = resolve(tenantId, id);
        if (found.isEmpty() || (expected != null && found.get().kind() != expected)) {
            throw new NotFoundException(
                    AppRoleError.ASSIGNEE_NOT_FOUND,
                    "Resource '" + id + "' does not exist or one of its queried reference-property objects are not"
                            + " present"
                            + (expected == null
                                    ? ""
                                    : ": no " + expected.graphName() + " of this directory has that id")
                            + ".");
        }
        return found.get();
    }

    private Optional<Principal> resolve(TenantId tenantId, UUID id) {
        Optional<User> user = users.findById(tenantId, new UserId(id));
        if (user.isPresent()) {
            return Optional.of(new Principal(PrincipalKind.USER, user.get().displayName()));
        }
        Optional<Group> group = groups.findById(tenantId, id);
        if (group.isPresent()) {
            return Optional.of(new Principal(PrincipalKind.GROUP, group.get().displayName()));
        }
        return applications
                .findServicePrincipal(tenantId, id)
                .map(sp -> new Principal(PrincipalKind.SERVICE_PRINCIPAL, sp.displayName()));
    }

    /** The assignments with their principals' and resources' names; one whose principal is gone is not shown. */
    private List<AssignedAppRole> shown(
            TenantId tenantId, List<AppRoleAssignment> assignments, Function<UUID, ServicePrincipal> resources) {
        List<AssignedAppRole> out = new ArrayList<>();
        for (AppRoleAssignment assignment : assignments) {
            Optional<Principal> principal = resolve(tenantId, assignment.principalId());
            ServicePrincipal resource = resources.apply(assignment.resourceId());
            if (principal.isPresent() && resource != null) {
                out.add(new AssignedAppRole(
                        assignment,
                        principal.get().kind().graphName(),
                        principal.get().name(),
                        resource.displayName()));
            }
        }
        return out;
    }

    private boolean ownsServicePrincipal(Caller caller, TenantId tenantId, UUID servicePrincipalId) {
        return ApplicationOwnerService.owns(
                applications, caller, tenantId, AppObjectKind.SERVICE_PRINCIPAL, servicePrincipalId);
    }

    private Application application(TenantId tenantId, UUID objectId) {
        return applications
                .findById(tenantId, objectId)
                .orElseThrow(() -> new NotFoundException(
                        DirectoryError.APPLICATION_NOT_FOUND,
                        "Application '" + objectId + "' does not exist in this directory."));
    }

    private ServicePrincipal servicePrincipal(TenantId tenantId, UUID id) {
        return applications
                .findServicePrincipal(tenantId, id)
                .orElseThrow(() -> new NotFoundException(
                        DirectoryError.SERVICE_PRINCIPAL_NOT_FOUND,
                        "Service principal '" + id + "' does not exist in this directory."));
    }

    private static InvalidRequestException invalid(String message, String field) {
        return new InvalidRequestException(AppRoleError.INVALID_APP_ROLE, message, field);
    }
}
