package dev.tenantry.compat.graph;

import dev.tenantry.directory.DirectoryService;
import dev.tenantry.subscriptions.SubscriptionService;
import dev.tenantry.web.PageTokens;
import io.javalin.config.RoutesConfig;

/** The Microsoft Graph v1.0 subset: registers every Graph route family on the server. */
public final class GraphRoutes {

    private final GraphUserRoutes users;
    private final GraphDirectoryRoleRoutes roles;
    private final GraphOrganizationRoutes organization;
    private final GraphSubscribedSkuRoutes subscribedSkus;

    public GraphRoutes(DirectoryService directory, SubscriptionService subscriptions, PageTokens pageTokens) {
        this.users = new GraphUserRoutes(directory, pageTokens);
        this.roles = new GraphDirectoryRoleRoutes(directory);
        this.organization = new GraphOrganizationRoutes(directory);
        this.subscribedSkus = new GraphSubscribedSkuRoutes(subscriptions);
    }

    public void register(RoutesConfig routes) {
        users.register(routes);
        roles.register(routes);
        organization.register(routes);
        subscribedSkus.register(routes);
    }
}
