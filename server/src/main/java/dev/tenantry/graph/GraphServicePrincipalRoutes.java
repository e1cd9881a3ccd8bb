package dev.tenantry.graph;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.tenantry.directory.GraphPermission;
import dev.tenantry.directory.apps.AppRoleAssignment;
import dev.tenantry.directory.apps.ApplicationService;
import dev.tenantry.directory.apps.ServicePrincipal;
import dev.tenantry.shared.Ids;
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

/**
 * Graph v1.0 service principals and the application permissions granted to them ({@code appRoleAssignments}). The
 * Microsoft Graph service principal carries Graph's app roles, so scripts find permission ids by value.
 *
 * @see <a href="https://learn.microsoft.com/graph/api/resources/serviceprincipal">Graph servicePrincipal resource</a>
 */
public final class GraphServicePrincipalRoutes {

    private final ApplicationService applications;

    public GraphServicePrincipalRoutes(ApplicationService applications) {
        this.applications = applications;
    }

    public void register(RoutesConfig routes) {
        routes.get("/v1.0/servicePrincipals", this::list, Gate.GRAPH);
        routes.post("/v1.0/servicePrincipals", this::create, Gate.GRAPH);
        routes.get("/v1.0/servicePrincipals/{id}", this::get, Gate.GRAPH);
        routes.delete("/v1.0/servicePrincipals/{id}", this::delete, Gate.GRAPH);
        routes.get("/v1.0/servicePrincipals/{id}/appRoleAssignments", this::assignments, Gate.GRAPH);
        routes.post("/v1.0/servicePrincipals/{id}/appRoleAssignments", this::grant, Gate.GRAPH);
        routes.delete("/v1.0/servicePrincipals/{id}/appRoleAssignments/{assignmentId}", this::revoke, Gate.GRAPH);
    }

    /** Service principals, filtered as applications are ({@code appId}, {@code id}, {@code displayName}). */
    private void list(Context ctx) {
        ODataQuery query = ODataQuery.parse(ctx.queryParamMap()).allowOnly(ODataQuery.Option.FILTER);
        var matches = GraphObjectFilters.of(query.filter(), "servicePrincipals");
        List<ServicePrincipalView> items =
                applications.listServicePrincipals(Authentication.caller(ctx), GraphResponses.tenant(ctx)).stream()
                        .filter(sp -> matches.test(sp.id(), sp.appId(), sp.displayName()))
                        .map(ServicePrincipalView::of)
                        .toList();
        GraphResponses.ok(ctx, GraphResponses.collection(ctx, "servicePrincipals", items, null));
    }

    private void get(Context ctx) {
        ODataQuery.parse(ctx.queryParamMap()).allowOnly();
        ServicePrincipal sp =
                applications.getServicePrincipal(Authentication.caller(ctx), GraphResponses.tenant(ctx), id(ctx, "id"));
        GraphResponses.ok(ctx, ServicePrincipalView.of(sp));
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
        GraphResponses.write(ctx, 201, ServicePrincipalView.of(sp));
    }

    private void assignments(Context ctx) {
        ODataQuery.parse(ctx.queryParamMap()).allowOnly();
        List<AssignmentView> items =
                applications
                        .appRoleAssignments(Authentication.caller(ctx), GraphResponses.tenant(ctx), id(ctx, "id"))
                        .stream()
                        .map(AssignmentView::of)
                        .toList();
        GraphResponses.ok(ctx, GraphResponses.collection(ctx, "appRoleAssignments", items, null));
    }

    private void grant(Context ctx) {
        GrantRequest body = JsonBody.read(ctx, GrantRequest.class);
        AppRoleAssignment assignment = applications.grantAppRole(
                Authentication.caller(ctx),
                GraphResponses.tenant(ctx),
                Ids.parseUuid(body.principalId(), "principalId"),
                Ids.parseUuid(body.resourceId(), "resourceId"),
                Ids.parseUuid(body.appRoleId(), "appRoleId"));
        GraphResponses.write(ctx, 201, AssignmentView.of(assignment));
    }

    private void revoke(Context ctx) {
        applications.revokeAppRole(
                Authentication.caller(ctx), GraphResponses.tenant(ctx), id(ctx, "id"), id(ctx, "assignmentId"));
        GraphResponses.noContent(ctx);
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
            List<AppRoleView> appRoles) {

        static ServicePrincipalView of(ServicePrincipal sp) {
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
                            : List.of(sp.appId().toString()),
                    sp.isManagedIdentity()
                            ? List.of(
                                    "isExplicit=" + (sp.isUserAssignedIdentity() ? "True" : "False"),
                                    sp.managedIdentityResourceId())
                            : List.of(),
                    graph
                            ? Arrays.stream(GraphPermission.values())
                                    .map(AppRoleView::of)
                                    .toList()
                            : List.of());
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

    /** Graph's appRoleAssignment. */
    record AssignmentView(
            String id,
            String appRoleId,
            String createdDateTime,
            String deletedDateTime,
            String principalId,
            String principalType,
            String resourceId) {

        static AssignmentView of(AppRoleAssignment assignment) {
            return new AssignmentView(
                    assignment.id().toString(),
                    assignment.appRoleId().toString(),
                    assignment.createdAt().toString(),
                    null,
                    assignment.principalId().toString(),
                    "ServicePrincipal",
                    assignment.resourceId().toString());
        }
    }

    /** {@code POST /servicePrincipals} body. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record CreateRequest(String appId) {}

    /** {@code POST …/appRoleAssignments} body. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record GrantRequest(String principalId, String resourceId, String appRoleId) {}
}
