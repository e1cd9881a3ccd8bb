package dev.tenantry.compat.graph;

import dev.tenantry.directory.DirectoryService;
import dev.tenantry.shared.ServerSecrets;
import dev.tenantry.subscriptions.SubscriptionService;
import io.javalin.config.RoutesConfig;

/** The Microsoft Graph v1.0 subset: registers every Graph route family on the server. */
public final class GraphRoutes {

    /** The name of the server secret that signs Graph {@code $skiptoken}s. */
    static final String SKIPTOKEN_SECRET = "graph.skiptoken";

    private final GraphUserRoutes users;
    private final GraphDirectoryRoleRoutes roles;
    private final GraphOrganizationRoutes organization;
    private final GraphSubscribedSkuRoutes subscribedSkus;

    public GraphRoutes(DirectoryService directory, SubscriptionService subscriptions, ServerSecrets secrets) {
        this.users = new GraphUserRoutes(directory, () -> secrets.secret(SKIPTOKEN_SECRET));
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
