package dev.tenantry.graph;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.tenantry.directory.apps.PermissionGrant;
import dev.tenantry.directory.apps.PermissionGrantService;
import dev.tenantry.shared.Ids;
import dev.tenantry.web.Authentication;
import dev.tenantry.web.BaseUrl;
import dev.tenantry.web.Gate;
import dev.tenantry.web.JsonBody;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.UUID;

/**
 * Graph v1.0 {@code oauth2PermissionGrants} (issue 11): delegated permission grants, listed, read, created and deleted;
 * what a user's or an administrator's consent leaves behind. No query option is supported (a 400).
 *
 * @see <a href="https://learn.microsoft.com/graph/api/resources/oauth2permissiongrant">oAuth2PermissionGrant</a>
 */
public final class GraphPermissionGrantRoutes {

    private final PermissionGrantService grants;

    public GraphPermissionGrantRoutes(PermissionGrantService grants) {
        this.grants = grants;
    }

    public void register(RoutesConfig routes) {
        routes.get("/v1.0/oauth2PermissionGrants", this::list, Gate.GRAPH);
        routes.post("/v1.0/oauth2PermissionGrants", this::create, Gate.GRAPH);
        routes.get("/v1.0/oauth2PermissionGrants/{id}", this::get, Gate.GRAPH);
        routes.delete("/v1.0/oauth2PermissionGrants/{id}", this::delete, Gate.GRAPH);
    }

    private void list(Context ctx) {
        ODataQuery.parse(ctx.queryParamMap()).allowOnly();
        var items = grants.list(Authentication.caller(ctx), GraphResponses.tenant(ctx)).stream()
                .map(GrantView::of)
                .toList();
        GraphResponses.ok(ctx, GraphResponses.collection(ctx, "oauth2PermissionGrants", items, null));
    }

    private void get(Context ctx) {
        ODataQuery.parse(ctx.queryParamMap()).allowOnly();
        GraphResponses.ok(
                ctx, GrantView.of(grants.get(Authentication.caller(ctx), GraphResponses.tenant(ctx), id(ctx))));
    }

    private void create(Context ctx) {
        CreateRequest body = JsonBody.read(ctx, CreateRequest.class);
        PermissionGrant grant = grants.create(
                Authentication.caller(ctx),
                GraphResponses.tenant(ctx),
                optionalUuid(body.clientId(), "clientId"),
                body.consentType(),
                optionalUuid(body.principalId(), "principalId"),
                optionalUuid(body.resourceId(), "resourceId"),
                body.scope());
        ctx.header("Location", BaseUrl.of(ctx) + "/v1.0/oauth2PermissionGrants/" + grant.id());
        GraphResponses.write(ctx, 201, GrantView.of(grant));
    }

    private void delete(Context ctx) {
        grants.delete(Authentication.caller(ctx), GraphResponses.tenant(ctx), id(ctx));
        GraphResponses.noContent(ctx);
    }

    private static UUID id(Context ctx) {
        return Ids.parseUuid(ctx.pathParam("id"), "oauth2PermissionGrant id");
    }

    private static UUID optionalUuid(String text, String field) {
        return text == null || text.isBlank() ? null : Ids.parseUuid(text, field);
    }

    /** Graph's oAuth2PermissionGrant resource. */
    record GrantView(
            String id, String clientId, String consentType, String principalId, String resourceId, String scope) {

        static GrantView of(PermissionGrant grant) {
            return new GrantView(
                    grant.id().toString(),
                    grant.clientId().toString(),
                    grant.consentType(),
                    grant.principalId() == null ? null : grant.principalId().toString(),
                    grant.resourceId().toString(),
                    grant.scope());
        }
    }

    /** {@code POST /oauth2PermissionGrants} body. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record CreateRequest(String clientId, String consentType, String principalId, String resourceId, String scope) {}
}
