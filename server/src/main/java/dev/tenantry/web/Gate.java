package dev.tenantry.web;

import io.javalin.security.RouteRole;

/**
 * The coarse gate in front of a route: who may reach it at all, and which resource's tokens it accepts. What the
 * caller may then do is decided by the services.
 */
public enum Gate implements RouteRole {
    ANONYMOUS,
    /** ARM and the commerce API: tokens for Azure Resource Manager, as in Azure. */
    MANAGEMENT,
    /** Graph: tokens for Microsoft Graph. */
    GRAPH
}
