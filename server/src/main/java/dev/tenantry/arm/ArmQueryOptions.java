package dev.tenantry.arm;

import dev.tenantry.shared.InvalidRequestException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * ARM query options are honoured or refused, never ignored (issue 12): before an ARM read runs, every query parameter
 * it was sent must be {@code api-version} or one this table says the route honours; anything else is ARM's 400
 * ({@code InvalidQueryParameter}, or {@code InvalidFilterInQueryString} for a {@code $filter}). The table is keyed by
 * the route's path template, in one place, so a route's handler stays as it is; a route that is not listed here
 * checks its own options (as the Microsoft.Authorization routes at resource-group scope do).
 */
public final class ArmQueryOptions {

    private static final String SUBSCRIPTION = "/subscriptions/{subscriptionId}";
    private static final String AUTHORIZATION = SUBSCRIPTION + "/providers/Microsoft.Authorization";

    /** Route template → the options it honours besides {@code api-version}. */
    private static final Map<String, Set<String>> HONOURED = Map.ofEntries(
            Map.entry("/tenants", Set.of()),
            Map.entry("/subscriptions", Set.of("$skiptoken")),
            Map.entry(SUBSCRIPTION, Set.of()),
            Map.entry(SUBSCRIPTION + "/resourcegroups", Set.of()),
            Map.entry(SUBSCRIPTION + "/resourceGroups", Set.of()),
            Map.entry(SUBSCRIPTION + "/resourcegroups/{name}", Set.of()),
            Map.entry(SUBSCRIPTION + "/resourceGroups/{name}", Set.of()),
            Map.entry(AUTHORIZATION + "/roleDefinitions", Set.of("$filter")),
            Map.entry(AUTHORIZATION + "/roleDefinitions/{roleId}", Set.of()),
            Map.entry(AUTHORIZATION + "/roleAssignments", Set.of("$filter", "tenantId")),
            Map.entry(AUTHORIZATION + "/roleAssignments/{name}", Set.of()),
            Map.entry(AUTHORIZATION + "/classicAdministrators", Set.of()),
            Map.entry(ArmMetadataRoutes.PATH, Set.of()));

    public void register(RoutesConfig routes) {
        routes.beforeMatched(ArmQueryOptions::check);
    }

    /** The routes this table covers, for the sweep test. */
    static Set<String> routes() {
        return new TreeSet<>(HONOURED.keySet());
    }

    private static void check(Context ctx) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        if (endpoint == null
                || !(HandlerType.GET.equals(endpoint.method) || HandlerType.HEAD.equals(endpoint.method))) {
            return;
        }
        Set<String> honoured = HONOURED.get(endpoint.path);
        if (honoured != null) {
            refuseOthers(ctx.queryParamMap(), honoured);
        }
    }

    /** Refuses every parameter but {@code api-version} and {@code honoured} (names compared exactly, as ARM does). */
    static void refuseOthers(Map<String, List<String>> params, Set<String> honoured) {
        for (String name : params.keySet()) {
            if (name.equals("api-version") || honoured.contains(name)) {
                continue;
            }
            String supported = honoured.isEmpty()
                    ? "This request takes no query parameter besides api-version."
                    : "This request takes " + String.join(", ", new TreeSet<>(honoured)) + " besides api-version.";
            if (name.equalsIgnoreCase("$filter") || name.equalsIgnoreCase("filter")) {
                throw new InvalidRequestException(
                        ArmError.UNSUPPORTED_FILTER_PARAMETER,
                        "Invalid $filter '" + String.join(",", params.get(name))
                                + "' specified in the query string: this request cannot be filtered. " + supported);
            }
            throw new InvalidRequestException(
                    ArmError.UNSUPPORTED_QUERY_PARAMETER,
                    "The query parameter '" + name + "' is not supported. " + supported);
        }
    }
}
