package dev.tenantry.web;

import io.javalin.security.RouteRole;
import java.util.Set;

/**
 * The coarse gate in front of a route: who may reach it at all, and which token audiences it accepts. What the
 * caller may then do is decided by the services.
 */
public enum Gate implements RouteRole {
    ANONYMOUS(Set.of()),
    /** ARM and the commerce API: tokens for the Azure management audience, as in Azure. */
    MANAGEMENT(Set.of(
            "https://management.core.windows.net/",
            "https://management.core.windows.net",
            "https://management.azure.com/",
            "https://management.azure.com",
            "797f4846-ba00-4fd7-ba43-dac1f8f63013")),
    /** Graph: tokens for Microsoft Graph. */
    GRAPH(Set.of(
            "https://graph.microsoft.com", "https://graph.microsoft.com/", "00000003-0000-0000-c000-000000000000"));

    @SuppressWarnings("ImmutableEnumChecker") // Set.of is immutable
    private final Set<String> audiences;

    Gate(Set<String> audiences) {
        this.audiences = audiences;
    }

    public Set<String> audiences() {
        return audiences;
    }
}
