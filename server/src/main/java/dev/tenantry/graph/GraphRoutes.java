package dev.tenantry.graph;

import dev.tenantry.directory.apps.ApplicationKeyService;
import dev.tenantry.directory.apps.ApplicationService;
import dev.tenantry.directory.apps.ExposedApiService;
import dev.tenantry.directory.apps.PermissionGrantService;
import dev.tenantry.directory.apps.RedirectUriService;
import dev.tenantry.directory.audit.AuditLogService;
import dev.tenantry.directory.groups.GroupService;
import dev.tenantry.directory.guests.GuestService;
import dev.tenantry.directory.roles.DirectoryRoleService;
import dev.tenantry.directory.tenants.TenantService;
import dev.tenantry.directory.users.UserService;
import dev.tenantry.subscriptions.LicenceService;
import dev.tenantry.subscriptions.SubscriptionService;
import dev.tenantry.web.PageTokens;
import io.javalin.config.RoutesConfig;

/** The Microsoft Graph v1.0 subset: registers every Graph route family on the server. */
public final class GraphRoutes {

    private final GraphUserRoutes users;
    private final GraphGroupRoutes groups;
    private final GraphMembershipRoutes memberships;
    private final GraphAuditRoutes audits;
    private final GraphDirectoryRoleRoutes roles;
    private final GraphOrganizationRoutes organization;
    private final GraphSubscribedSkuRoutes subscribedSkus;
    private final GraphApplicationRoutes applicationRoutes;
    private final GraphServicePrincipalRoutes servicePrincipals;
    private final GraphOwnerRoutes owners;
    private final GraphInvitationRoutes invitations;
    private final GraphPermissionGrantRoutes permissionGrants;
    private final GraphAppRoleRoutes appRoles;
    private final GraphFederatedCredentialRoutes federatedCredentials;

    public GraphRoutes(
            TenantService tenants,
            UserService users,
            DirectoryRoleService directoryRoles,
            GroupService groups,
            AuditLogService auditLogs,
            ApplicationService applications,
            SubscriptionService subscriptions,
            LicenceService licences,
            PageTokens pageTokens,
            GuestService guests,
            RedirectUriService redirectUris,
            PermissionGrantService permissionGrants,
            ApplicationKeyService keys,
            ExposedApiService exposedApis) {
        this.memberships = new GraphMembershipRoutes(users, groups);
        this.users = new GraphUserRoutes(users, licences, pageTokens, memberships, guests);
        this.invitations = new GraphInvitationRoutes(guests);
        this.groups = new GraphGroupRoutes(groups, licences, pageTokens);
        this.audits = new GraphAuditRoutes(auditLogs, pageTokens);
        this.roles = new GraphDirectoryRoleRoutes(directoryRoles);
        this.organization = new GraphOrganizationRoutes(tenants);
        this.subscribedSkus = new GraphSubscribedSkuRoutes(subscriptions);
        this.applicationRoutes = new GraphApplicationRoutes(applications, redirectUris, keys, exposedApis);
        this.permissionGrants = new GraphPermissionGrantRoutes(permissionGrants);
        this.servicePrincipals = new GraphServicePrincipalRoutes(applications, exposedApis);
        this.owners = new GraphOwnerRoutes(applications.owners(), pageTokens);
        this.appRoles = new GraphAppRoleRoutes(applications.appRoles(), users);
        this.federatedCredentials = keys == null ? null : new GraphFederatedCredentialRoutes(keys.federated());
    }

    public void register(RoutesConfig routes) {
        // Graph answers carry personal data: no cache may keep them, errors included
        routes.before("/v1.0/*", ctx -> ctx.header("Cache-Control", "no-store"));
        users.register(routes);
        groups.register(routes);
        memberships.register(routes);
        audits.register(routes);
        roles.register(routes);
        organization.register(routes);
        subscribedSkus.register(routes);
        applicationRoutes.register(routes);
        servicePrincipals.register(routes);
        owners.register(routes);
        invitations.register(routes);
        permissionGrants.register(routes);
        appRoles.register(routes);
        if (federatedCredentials != null) {
            federatedCredentials.register(routes);
        }
    }
}
