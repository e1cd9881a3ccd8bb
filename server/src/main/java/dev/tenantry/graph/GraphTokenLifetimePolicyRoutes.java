package dev.tenantry.graph;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.tenantry.directory.apps.TokenLifetimePolicy;
import dev.tenantry.directory.apps.TokenLifetimePolicyError;
import dev.tenantry.directory.apps.TokenLifetimePolicyService;
import dev.tenantry.shared.Ids;
import dev.tenantry.shared.InvalidRequestException;
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
 * Graph v1.0 token lifetime policies (issue 11): {@code /policies/tokenLifetimePolicies} and their assignment to
 * applications through {@code /applications/{id}/tokenLifetimePolicies/$ref}. A policy's {@code definition} is, as in
 * Graph, an array of one JSON string.
 *
 * @see <a href="https://learn.microsoft.com/graph/api/resources/tokenlifetimepolicy">Graph tokenLifetimePolicy</a>
 */
public final class GraphTokenLifetimePolicyRoutes {

    private static final String PATH = "/v1.0/policies/tokenLifetimePolicies";
    private static final String APP_PATH = "/v1.0/applications/{id}/tokenLifetimePolicies";
    private static final String FRAGMENT = "policies/tokenLifetimePolicies";
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final TokenLifetimePolicyService policies;

    public GraphTokenLifetimePolicyRoutes(TokenLifetimePolicyService policies) {
        this.policies = policies;
    }

    public void register(RoutesConfig routes) {
        routes.get(PATH, this::list, Gate.GRAPH);
        routes.post(PATH, this::create, Gate.GRAPH);
        routes.get(PATH + "/{policy}", this::get, Gate.GRAPH);
        routes.patch(PATH + "/{policy}", this::update, Gate.GRAPH);
        routes.delete(PATH + "/{policy}", this::delete, Gate.GRAPH);
        routes.get(APP_PATH, this::assigned, Gate.GRAPH);
        routes.post(APP_PATH + "/$ref", this::assign, Gate.GRAPH);
        routes.delete(APP_PATH + "/{policy}/$ref", this::unassign, Gate.GRAPH);
    }

    private void list(Context ctx) {
        ODataQuery.parse(ctx.queryParamMap()).allowOnly();
        List<Map<String, Object>> items = policies.list(Authentication.caller(ctx), GraphResponses.tenant(ctx)).stream()
                .map(GraphTokenLifetimePolicyRoutes::view)
                .toList();
        GraphResponses.ok(ctx, GraphResponses.collection(ctx, FRAGMENT, items, null));
    }

    private void create(Context ctx) {
        PolicyRequest body = JsonBody.read(ctx, PolicyRequest.class);
        TokenLifetimePolicy created =
                policies.create(Authentication.caller(ctx), GraphResponses.tenant(ctx), body.draft());
        ctx.header("Location", BaseUrl.of(ctx) + PATH + "/" + created.id());
        GraphResponses.write(ctx, 201, GraphResponses.entity(ctx, FRAGMENT + "/$entity", view(created)));
    }

    private void get(Context ctx) {
        ODataQuery.parse(ctx.queryParamMap()).allowOnly();
        TokenLifetimePolicy policy = policies.get(Authentication.caller(ctx), GraphResponses.tenant(ctx), policy(ctx));
        GraphResponses.ok(ctx, GraphResponses.entity(ctx, FRAGMENT + "/$entity", view(policy)));
    }

    /** Graph's update answers 204 with no body. */
    private void update(Context ctx) {
        PolicyRequest body = JsonBody.read(ctx, PolicyRequest.class);
        policies.update(Authentication.caller(ctx), GraphResponses.tenant(ctx), policy(ctx), body.draft());
        GraphResponses.noContent(ctx);
    }

    private void delete(Context ctx) {
        policies.delete(Authentication.caller(ctx), GraphResponses.tenant(ctx), policy(ctx));
        GraphResponses.noContent(ctx);
    }

    private void assigned(Context ctx) {
        ODataQuery.parse(ctx.queryParamMap()).allowOnly();
        UUID application = application(ctx);
        List<Map<String, Object>> items =
                policies.assigned(Authentication.caller(ctx), GraphResponses.tenant(ctx), application).stream()
                        .map(GraphTokenLifetimePolicyRoutes::view)
                        .toList();
        GraphResponses.ok(
                ctx,
                GraphResponses.collection(
                        ctx, "applications('" + application + "')/tokenLifetimePolicies", items, null));
    }

    /** {@code {"@odata.id": "https://graph.microsoft.com/v1.0/policies/tokenLifetimePolicies/{id}"}}; 204. */
    private void assign(Context ctx) {
        GraphReferences.Reference reference = JsonBody.read(ctx, GraphReferences.Reference.class);
        UUID policy = Ids.parseUuid(GraphReferences.id(reference), "@odata.id");
        policies.assign(Authentication.caller(ctx), GraphResponses.tenant(ctx), application(ctx), policy);
        GraphResponses.noContent(ctx);
    }

    private void unassign(Context ctx) {
        policies.unassign(Authentication.caller(ctx), GraphResponses.tenant(ctx), application(ctx), policy(ctx));
        GraphResponses.noContent(ctx);
    }

    private static UUID application(Context ctx) {
        return Ids.parseUuid(ctx.pathParam("id"), "id");
    }

    private static UUID policy(Context ctx) {
        return Ids.parseUuid(ctx.pathParam("policy"), "id");
    }

    /** Graph's tokenLifetimePolicy. */
    static Map<String, Object> view(TokenLifetimePolicy policy) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("@odata.type", "#microsoft.graph.tokenLifetimePolicy");
        json.put("id", policy.id().toString());
        json.put("deletedDateTime", null);
        json.put("description", null);
        json.put("displayName", policy.displayName());
        json.put("definition", List.of(policy.definition()));
        json.put("isOrganizationDefault", policy.isOrganizationDefault());
        return json;
    }

    /** Graph's create and update body; {@code @odata.type}, {@code id} and {@code description} are ignored. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record PolicyRequest(List<String> definition, String displayName, Boolean isOrganizationDefault) {

        TokenLifetimePolicyService.Draft draft() {
            if (definition == null) {
                return new TokenLifetimePolicyService.Draft(displayName, isOrganizationDefault, null, null);
            }
            if (definition.size() != 1 || definition.get(0) == null) {
                throw invalid("definition must be an array of exactly one JSON string.");
            }
            String raw = definition.get(0);
            try {
                Map<String, Object> parsed = JSON.readValue(raw, new TypeReference<Map<String, Object>>() {});
                return new TokenLifetimePolicyService.Draft(displayName, isOrganizationDefault, raw, parsed);
            } catch (JsonProcessingException e) {
                throw invalid("definition[0] is not a JSON object: " + e.getOriginalMessage());
            }
        }

        private static InvalidRequestException invalid(String message) {
            return new InvalidRequestException(TokenLifetimePolicyError.INVALID_DEFINITION, message, "definition");
        }
    }
}
