package dev.tenantry.graph;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tenantry.directory.GraphPermission;
import dev.tenantry.directory.apps.AppRoleError;
import dev.tenantry.directory.apps.AppRoleService;
import dev.tenantry.directory.apps.ApplicationService;
import dev.tenantry.directory.apps.ExposedApi;
import dev.tenantry.directory.apps.ExposedApiService;
import dev.tenantry.directory.apps.ServicePrincipal;
import dev.tenantry.shared.Ids;
import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.web.Authentication;
import dev.tenantry.web.BaseUrl;
import dev.tenantry.web.Gate;
import dev.tenantry.web.JsonBody;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Graph v1.0 service principals and the application permissions granted to them ({@code appRoleAssignments}). The
 * Microsoft Graph service principal carries Graph's app roles, so scripts find permission ids by value.
 *
 * @see <a href="https://learn.microsoft.com/graph/api/resources/serviceprincipal">Graph servicePrincipal resource</a>
 */
public final class GraphServicePrincipalRoutes {

    private final ApplicationService applications;
    private final AppRoleService appRoles;
    private final ExposedApiService exposedApis;

    /** The routes; {@code exposedApis} gives a service principal its app's scopes and identifier URIs (issue 11). */
    public GraphServicePrincipalRoutes(ApplicationService applications, ExposedApiService exposedApis) {
        this.applications = applications;
        this.appRoles = applications.appRoles();
        this.exposedApis = exposedApis;
    }

    public void register(RoutesConfig routes) {
        routes.get("/v1.0/servicePrincipals", this::list, Gate.GRAPH);
        routes.post("/v1.0/servicePrincipals", this::create, Gate.GRAPH);
        routes.get("/v1.0/servicePrincipals/{id}", this::get, Gate.GRAPH);
        routes.patch("/v1.0/servicePrincipals/{id}", this::update, Gate.GRAPH);
        routes.delete("/v1.0/servicePrincipals/{id}", this::delete, Gate.GRAPH);
        // the appRoleAssignments of a service principal are GraphAppRoleRoutes' (issue 11), as those of users and
        // groups
    }

    /** Service principals, filtered as applications are ({@code appId}, {@code id}, {@code displayName}). */
    private void list(Context ctx) {
        ODataQuery query = ODataQuery.parse(ctx.queryParamMap()).allowOnly(ODataQuery.Option.FILTER);
        var matches = GraphObjectFilters.of(query.filter(), "servicePrincipals");
        List<ServicePrincipalView> items =
                applications.listServicePrincipals(Authentication.caller(ctx), GraphResponses.tenant(ctx)).stream()
                        .filter(sp -> matches.test(sp.id(), sp.appId(), sp.displayName()))
                        .map(sp -> view(ctx, sp))
                        .toList();
        GraphResponses.ok(ctx, GraphResponses.collection(ctx, "servicePrincipals", items, null));
    }

    private void get(Context ctx) {
        ODataQuery.parse(ctx.queryParamMap()).allowOnly();
        ServicePrincipal sp =
                applications.getServicePrincipal(Authentication.caller(ctx), GraphResponses.tenant(ctx), id(ctx, "id"));
        GraphResponses.ok(ctx, view(ctx, sp));
    }

    /**
     * Graph's PATCH of a service principal: {@code appRoleAssignmentRequired} (issue 11); any other property is a 400,
     * never ignored. Answers 204.
     */
    private void update(Context ctx) {
        JsonNode body = JsonBody.read(ctx, JsonNode.class);
        body.fieldNames().forEachRemaining(name -> {
            if (!name.equals("appRoleAssignmentRequired")) {
                throw new InvalidRequestException(
                        AppRoleError.INVALID_SERVICE_PRINCIPAL_PATCH,
                        "Property '" + name + "' of a servicePrincipal cannot be changed here; only"
                                + " appRoleAssignmentRequired can.",
                        name);
            }
        });
        JsonNode required = body.get("appRoleAssignmentRequired");
        if (required != null) {
            if (!required.isBoolean()) {
                throw new InvalidRequestException(
                        AppRoleError.INVALID_SERVICE_PRINCIPAL_PATCH,
                        "appRoleAssignmentRequired must be true or false.",
                        "appRoleAssignmentRequired");
            }
            appRoles.setAssignmentRequired(
                    Authentication.caller(ctx), GraphResponses.tenant(ctx), id(ctx, "id"), required.asBoolean());
        }
        GraphResponses.noContent(ctx);
    }

    /** Graph's view of {@code sp}, with its app's roles and scopes, and whether it requires an assignment. */
    private ServicePrincipalView view(Context ctx, ServicePrincipal sp) {
        return ServicePrincipalView.of(sp, exposedApis.apiOfApp(GraphResponses.tenant(ctx), sp.appId()))
                .with(
                        appRoles.appRolesOf(sp).stream()
                                .map(GraphAppRoleRoutes.AppRoleView::of)
                                .toList(),
                        appRoles.assignmentRequired(sp));
    }

    private void delete(Context ctx) {
        applications.deleteServicePrincipal(Authentication.caller(ctx), GraphResponses.tenant(ctx), id(ctx, "id"));
        GraphResponses.noContent(ctx);
    }

    private void create(Context ctx) {
        UUID appId = Ids.parseUuid(JsonBody.read(ctx, CreateRequest.class).appId(), "appId");
        ServicePrincipal sp =
                applications.createServicePrincipal(Authentication.caller(ctx), GraphResponses.tenant(ctx), appId);
        ctx.header("Location", BaseUrl.of(ctx) + "/v1.0/servicePrincipals/" + sp.id());
        GraphResponses.write(ctx, 201, view(ctx, sp));
    }

    private static UUID id(Context ctx, String name) {
        return Ids.parseUuid(ctx.pathParam(name), name);
    }

    /** Graph's servicePrincipal resource. */
    record ServicePrincipalView(
            String id,
            String appId,
            String displayName,
            boolean accountEnabled,
            String createdDateTime,
            String servicePrincipalType,
            List<String> servicePrincipalNames,
            List<String> alternativeNames,
            List<?> appRoles,
            List<GraphExposedApi.ScopeView> oauth2PermissionScopes,
            boolean appRoleAssignmentRequired) {

        /** The same view with an app's own roles (a Graph service principal keeps Graph's) and its requirement. */
        ServicePrincipalView with(List<?> ownRoles, boolean required) {
            return new ServicePrincipalView(
                    id,
                    appId,
                    displayName,
                    accountEnabled,
                    createdDateTime,
                    servicePrincipalType,
                    servicePrincipalNames,
                    alternativeNames,
                    appRoles.isEmpty() ? ownRoles : appRoles,
                    oauth2PermissionScopes,
                    required);
        }

        /**
         * The service principal of an app that exposes {@code api}: its names are the app id and the identifier URIs,
         * its {@code oauth2PermissionScopes} the app's, as Entra copies them from the registration.
         */
        static ServicePrincipalView of(ServicePrincipal sp) {
            return of(sp, ExposedApi.NONE);
        }

        static ServicePrincipalView of(ServicePrincipal sp, ExposedApi api) {
            boolean graph = sp.appId().equals(ApplicationService.MICROSOFT_GRAPH_APP_ID);
            return new ServicePrincipalView(
                    sp.id().toString(),
                    sp.appId().toString(),
                    sp.displayName(),
                    true,
                    sp.createdAt().toString(),
                    sp.type().graphName(),
                    sp.isManagedIdentity()
                            ? List.of(sp.appId().toString(), sp.managedIdentityResourceId())
                            : Stream.concat(Stream.of(sp.appId().toString()), api.identifierUris().stream())
                                    .toList(),
                    sp.isManagedIdentity()
                            ? List.of(
                                    "isExplicit=" + (sp.isUserAssignedIdentity() ? "True" : "False"),
                                    sp.managedIdentityResourceId())
                            : List.of(),
                    graph
                            ? Arrays.stream(GraphPermission.values())
                                    .map(AppRoleView::of)
                                    .toList()
                            : List.of(),
                    GraphExposedApi.scopes(api),
                    false);
        }
    }

    /** One app role (application permission) a service principal offers. */
    record AppRoleView(
            String id,
            String value,
            String displayName,
            String description,
            List<String> allowedMemberTypes,
            boolean isEnabled) {

        static AppRoleView of(GraphPermission permission) {
            return new AppRoleView(
                    permission.id().toString(),
                    permission.value(),
                    permission.displayName(),
                    "Allows the app to " + permission.displayName().toLowerCase(Locale.ROOT)
                            + " without a signed-in user.",
                    List.of("Application"),
                    true);
        }
    }

    /** {@code POST /servicePrincipals} body. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record CreateRequest(String appId) {}
}
