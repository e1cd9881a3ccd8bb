package dev.tenantry.app.testmode;

import dev.tenantry.app.Services;
import dev.tenantry.app.testmode.Seed.AppRoleAssignmentSeed;
import dev.tenantry.app.testmode.Seed.AppRoleSeed;
import dev.tenantry.app.testmode.Seed.ApplicationSeed;
import dev.tenantry.app.testmode.Seed.RequiredResourceAccessSeed;
import dev.tenantry.app.testmode.Seed.ResourceAccessSeed;
import dev.tenantry.directory.apps.AppRole;
import dev.tenantry.directory.apps.AppRoleService;
import dev.tenantry.directory.apps.AppRoleService.PrincipalKind;
import dev.tenantry.directory.apps.Application;
import dev.tenantry.directory.apps.RequiredResourceAccess;
import dev.tenantry.directory.apps.ServicePrincipal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A seeded application's app roles (issue 11): the roles it defines and whether users need one to sign in (first, with
 * the application), then, once every application of the directory exists, who holds its roles and the permissions it
 * asks for ({@code requiredResourceAccess}), which may name another application's roles. All through
 * {@link AppRoleService} as the directory's administrator.
 */
final class SeedAppRoles {

    private final SeedRefs refs;
    private final SeedFile file;
    private final AppRoleService appRoles;

    SeedAppRoles(SeedRefs refs, Services services) {
        this.refs = refs;
        this.file = refs.file();
        this.appRoles = services.applications().appRoles();
    }

    /** The roles {@code app} defines and its {@code appRoleAssignmentRequired}. */
    void define(String where, ApplicationSeed app, Application created, ServicePrincipal principal) {
        List<AppRole> roles = new ArrayList<>();
        for (int i = 0; i < app.appRoles().size(); i++) {
            String field = where + "/appRoles/" + i;
            roles.add(role(field, app.appRoles().get(i)));
            List<AppRole> checked = List.copyOf(roles);
            file.guardedProperty(field, () -> AppRoleService.checked(checked));
        }
        if (!roles.isEmpty()) {
            file.guardedProperty(
                    where + "/appRoles",
                    () -> appRoles.setAppRoles(refs.admin(), refs.tenantId(), created.id(), roles));
        }
        if (app.appRoleAssignmentRequired() != null) {
            file.guarded(where + "/appRoleAssignmentRequired", () -> {
                appRoles.setAssignmentRequired(
                        refs.admin(), refs.tenantId(), principal.id(), app.appRoleAssignmentRequired());
                return null;
            });
        }
    }

    private AppRole role(String where, AppRoleSeed seed) {
        UUID id = seed.id() == null ? UUID.randomUUID() : refs.guid(seed.id(), where + "/id");
        List<AppRole.MemberType> types = new ArrayList<>();
        for (int t = 0; t < seed.allowedMemberTypes().size(); t++) {
            String type = seed.allowedMemberTypes().get(t);
            types.add(Arrays.stream(AppRole.MemberType.values())
                    .filter(m -> m.graphName().equalsIgnoreCase(type))
                    .findFirst()
                    .orElseThrow(() -> file.refuse(
                            where + "/allowedMemberTypes",
                            "'" + type + "' is no member type: use User or Application")));
        }
        return new AppRole(
                id,
                types,
                seed.description(),
                seed.displayName(),
                !Boolean.FALSE.equals(seed.isEnabled()),
                seed.value());
    }

    /** Who holds {@code app}'s roles, and what it asks for; every application of the directory exists by now. */
    void assign(String where, ApplicationSeed app, Application created, ServicePrincipal principal) {
        List<AppRole> roles = app.appRoleAssignments().isEmpty()
                ? List.of()
                : appRoles.appRoles(refs.admin(), refs.tenantId(), created.id());
        for (int i = 0; i < app.appRoleAssignments().size(); i++) {
            String field = where + "/appRoleAssignments/" + i;
            AppRoleAssignmentSeed assignment = app.appRoleAssignments().get(i);
            UUID roleId = roleId(field + "/role", assignment.role(), roles);
            Assignee assignee = assignee(field, assignment);
            file.guardedProperty(
                    field,
                    () -> appRoles.assign(
                            refs.admin(), refs.tenantId(), assignee.id(), assignee.kind(), principal.id(), roleId));
        }
        if (!app.requiredResourceAccess().isEmpty()) {
            List<RequiredResourceAccess> wanted = new ArrayList<>();
            for (int i = 0; i < app.requiredResourceAccess().size(); i++) {
                wanted.add(access(
                        where + "/requiredResourceAccess/" + i,
                        app.requiredResourceAccess().get(i)));
            }
            file.guardedProperty(
                    where + "/requiredResourceAccess",
                    () -> appRoles.setRequiredResourceAccess(refs.admin(), refs.tenantId(), created.id(), wanted));
        }
    }

    private record Assignee(PrincipalKind kind, UUID id) {}

    private Assignee assignee(String where, AppRoleAssignmentSeed assignment) {
        long named = java.util.stream.Stream.of(
                        assignment.user(),
                        assignment.group(),
                        assignment.app(),
                        assignment.identity(),
                        assignment.host())
                .filter(java.util.Objects::nonNull)
                .count();
        if (named != 1) {
            throw file.refuse(
                    where, "an app role assignment names one principal: 'user', 'group', 'app', 'identity' or 'host'");
        }
        if (assignment.identity() != null || assignment.host() != null) {
            boolean host = assignment.host() != null;
            return new Assignee(
                    PrincipalKind.SERVICE_PRINCIPAL,
                    refs.managedIdentity(
                            host ? assignment.host() : assignment.identity(),
                            host,
                            null,
                            where + (host ? "/host" : "/identity")));
        }
        if (assignment.user() != null) {
            return new Assignee(
                    PrincipalKind.USER,
                    refs.account(assignment.user(), where + "/user").id().value());
        }
        if (assignment.group() != null) {
            return new Assignee(PrincipalKind.GROUP, refs.group(assignment.group(), where + "/group"));
        }
        return new Assignee(
                PrincipalKind.SERVICE_PRINCIPAL,
                refs.app(assignment.app(), where + "/app").servicePrincipalId());
    }

    /** The role a {@code role} field names: a value, else an id; absent, the default access role. */
    private UUID roleId(String where, String role, List<AppRole> roles) {
        if (role == null) {
            return AppRole.DEFAULT_ACCESS;
        }
        return roles.stream()
                .filter(r -> role.equals(r.value()))
                .map(AppRole::id)
                .findFirst()
                .or(() -> dev.tenantry.shared.Ids.tryParse(role.strip()))
                .orElseThrow(() -> file.refuse(
                        where,
                        "no app role '" + role + "' in this application's appRoles; name one by its value ("
                                + roles.stream().map(AppRole::value).toList()
                                + ") or id, or leave 'role' out for the default access role"));
    }

    private RequiredResourceAccess access(String where, RequiredResourceAccessSeed seed) {
        if ((seed.app() == null) == (seed.resourceAppId() == null)) {
            throw file.refuse(where, "name the resource once: 'app' (an application of this file) or 'resourceAppId'");
        }
        UUID resource = seed.app() != null
                ? refs.app(seed.app(), where + "/app").appId()
                : refs.guid(seed.resourceAppId(), where + "/resourceAppId");
        List<RequiredResourceAccess.Access> permissions = new ArrayList<>();
        for (int i = 0; i < seed.resourceAccess().size(); i++) {
            String field = where + "/resourceAccess/" + i;
            ResourceAccessSeed permission = seed.resourceAccess().get(i);
            UUID id = refs.guid(refs.required(permission.id(), field + "/id"), field + "/id");
            String type = refs.required(permission.type(), field + "/type");
            RequiredResourceAccess.Type kind = Arrays.stream(RequiredResourceAccess.Type.values())
                    .filter(t -> t.name().equals(type))
                    .findFirst()
                    .orElseThrow(() -> file.refuse(
                            field + "/type", "'" + type + "' is no permission type: use Scope (delegated) or Role"));
            permissions.add(new RequiredResourceAccess.Access(id, kind));
        }
        return new RequiredResourceAccess(resource, permissions);
    }
}
