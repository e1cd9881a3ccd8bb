package dev.tenantry.graph;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.tenantry.directory.apps.FederatedCredentialService;
import dev.tenantry.directory.apps.FederatedIdentityCredential;
import dev.tenantry.directory.apps.NewFederatedCredential;
import dev.tenantry.shared.Ids;
import dev.tenantry.web.Authentication;
import dev.tenantry.web.BaseUrl;
import dev.tenantry.web.Gate;
import dev.tenantry.web.JsonBody;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Graph v1.0 federated identity credentials of applications (issue 11): list, create, get, update and delete, a
 * credential named by its id or by its name, as Graph allows.
 *
 * @see <a href="https://learn.microsoft.com/graph/api/resources/federatedidentitycredential">Graph
 *     federatedIdentityCredential</a>
 */
final class GraphFederatedCredentialRoutes {

    private static final String PATH = "/v1.0/applications/{id}/federatedIdentityCredentials";

    private final FederatedCredentialService credentials;

    GraphFederatedCredentialRoutes(FederatedCredentialService credentials) {
        this.credentials = credentials;
    }

    void register(RoutesConfig routes) {
        routes.get(PATH, this::list, Gate.GRAPH);
        routes.post(PATH, this::create, Gate.GRAPH);
        routes.get(PATH + "/{credential}", this::get, Gate.GRAPH);
        routes.patch(PATH + "/{credential}", this::update, Gate.GRAPH);
        routes.delete(PATH + "/{credential}", this::delete, Gate.GRAPH);
    }

    private void list(Context ctx) {
        ODataQuery.parse(ctx.queryParamMap()).allowOnly();
        UUID application = application(ctx);
        List<Map<String, Object>> items =
                credentials.list(Authentication.caller(ctx), GraphResponses.tenant(ctx), application).stream()
                        .map(GraphFederatedCredentialRoutes::view)
                        .toList();
        GraphResponses.ok(ctx, GraphResponses.collection(ctx, fragment(application), items, null));
    }

    private void create(Context ctx) {
        CredentialRequest body = JsonBody.read(ctx, CredentialRequest.class);
        UUID application = application(ctx);
        FederatedIdentityCredential created =
                credentials.create(Authentication.caller(ctx), GraphResponses.tenant(ctx), application, body.toNew());
        ctx.header(
                "Location",
                BaseUrl.of(ctx) + "/v1.0/applications/" + application + "/federatedIdentityCredentials/"
                        + created.id());
        GraphResponses.write(ctx, 201, GraphResponses.entity(ctx, fragment(application) + "/$entity", view(created)));
    }

    private void get(Context ctx) {
        ODataQuery.parse(ctx.queryParamMap()).allowOnly();
        UUID application = application(ctx);
        FederatedIdentityCredential credential = credentials.get(
                Authentication.caller(ctx), GraphResponses.tenant(ctx), application, ctx.pathParam("credential"));
        GraphResponses.ok(ctx, GraphResponses.entity(ctx, fragment(application) + "/$entity", view(credential)));
    }

    /** Graph's update answers 204 with no body. */
    private void update(Context ctx) {
        CredentialRequest body = JsonBody.read(ctx, CredentialRequest.class);
        credentials.update(
                Authentication.caller(ctx),
                GraphResponses.tenant(ctx),
                application(ctx),
                ctx.pathParam("credential"),
                body.toNew());
        GraphResponses.noContent(ctx);
    }

    private void delete(Context ctx) {
        credentials.delete(
                Authentication.caller(ctx), GraphResponses.tenant(ctx), application(ctx), ctx.pathParam("credential"));
        GraphResponses.noContent(ctx);
    }

    private static UUID application(Context ctx) {
        return Ids.parseUuid(ctx.pathParam("id"), "id");
    }

    private static String fragment(UUID application) {
        return "applications('" + application + "')/federatedIdentityCredentials";
    }

    /** Graph's federatedIdentityCredential. */
    static Map<String, Object> view(FederatedIdentityCredential credential) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", credential.id().toString());
        json.put("name", credential.name());
        json.put("issuer", credential.issuer());
        json.put("subject", credential.subject());
        json.put("description", credential.description());
        json.put("audiences", credential.audiences());
        return json;
    }

    /** Graph's create and update body; {@code @odata.type} and {@code id} are ignored. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record CredentialRequest(String name, String issuer, String subject, List<String> audiences, String description) {

        NewFederatedCredential toNew() {
            return new NewFederatedCredential(name, issuer, subject, audiences, description);
        }
    }
}
