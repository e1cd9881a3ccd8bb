package dev.tenantry.graph;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.tenantry.directory.apps.FederatedCredentialFilter;
import dev.tenantry.directory.apps.FederatedCredentialService;
import dev.tenantry.directory.apps.FederatedIdentityCredential;
import dev.tenantry.directory.apps.NewFederatedCredential;
import dev.tenantry.shared.Ids;
import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.shared.RequestError;
import dev.tenantry.web.Authentication;
import dev.tenantry.web.BaseUrl;
import dev.tenantry.web.Gate;
import dev.tenantry.web.JsonBody;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Graph v1.0 federated identity credentials of applications (issue 11): list (with {@code $filter} on name and
 * subject), create, get, update, delete, and upsert by name ({@code federatedIdentityCredentials(name='…')}, where get
 * and delete answer too), a credential named by its id or by its name, as Graph allows. The application is addressed
 * by its object id only: Tenantry's Graph has no {@code applications(appId='…')} addressing anywhere.
 *
 * @see <a href="https://learn.microsoft.com/graph/api/resources/federatedidentitycredential">Graph
 *     federatedIdentityCredential</a>
 */
final class GraphFederatedCredentialRoutes {

    private static final String PATH = "/v1.0/applications/{id}/federatedIdentityCredentials";
    /** Graph's alternate key: {@code federatedIdentityCredentials(name='{name}')}, as the Graph SDKs address it. */
    private static final String BY_NAME = PATH + "(name='{name}')";

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
        routes.get(BY_NAME, this::get, Gate.GRAPH);
        routes.patch(BY_NAME, this::upsert, Gate.GRAPH);
        routes.delete(BY_NAME, this::delete, Gate.GRAPH);
    }

    private void list(Context ctx) {
        ODataQuery query = ODataQuery.parse(ctx.queryParamMap()).allowOnly(ODataQuery.Option.FILTER);
        FederatedCredentialFilter filter = filter(query.filter());
        UUID application = application(ctx);
        List<Map<String, Object>> items =
                credentials.list(Authentication.caller(ctx), GraphResponses.tenant(ctx), application, filter).stream()
                        .map(GraphFederatedCredentialRoutes::view)
                        .toList();
        GraphResponses.ok(ctx, GraphResponses.collection(ctx, fragment(application), items, null));
    }

    private void create(Context ctx) {
        CredentialRequest body = JsonBody.read(ctx, CredentialRequest.class);
        UUID application = application(ctx);
        created(
                ctx,
                application,
                credentials.create(Authentication.caller(ctx), GraphResponses.tenant(ctx), application, body.toNew()));
    }

    /** 201 with the new credential and its {@code Location}. */
    private static void created(Context ctx, UUID application, FederatedIdentityCredential created) {
        ctx.header(
                "Location",
                BaseUrl.of(ctx) + "/v1.0/applications/" + application + "/federatedIdentityCredentials/"
                        + created.id());
        GraphResponses.write(ctx, 201, GraphResponses.entity(ctx, fragment(application) + "/$entity", view(created)));
    }

    private void get(Context ctx) {
        ODataQuery.parse(ctx.queryParamMap()).allowOnly();
        UUID application = application(ctx);
        FederatedIdentityCredential credential =
                credentials.get(Authentication.caller(ctx), GraphResponses.tenant(ctx), application, credential(ctx));
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

    /**
     * Graph's upsert by name: 204 when the credential existed and was updated; 201 with the new credential when it did
     * not and the request says {@code Prefer: create-if-missing}; without that header it is an update (404 when
     * missing).
     */
    private void upsert(Context ctx) {
        CredentialRequest body = JsonBody.read(ctx, CredentialRequest.class);
        UUID application = application(ctx);
        FederatedCredentialService.Upserted upserted = credentials.upsert(
                Authentication.caller(ctx),
                GraphResponses.tenant(ctx),
                application,
                ctx.pathParam("name"),
                body.toNew(),
                createIfMissing(ctx.header("Prefer")));
        if (upserted.created()) {
            created(ctx, application, upserted.credential());
        } else {
            GraphResponses.noContent(ctx);
        }
    }

    /** Whether a {@code Prefer} header (comma-separated preferences, RFC 7240) asks for {@code create-if-missing}. */
    static boolean createIfMissing(String prefer) {
        return prefer != null
                && Arrays.stream(prefer.split(",", -1))
                        .map(p -> p.strip().toLowerCase(Locale.ROOT))
                        .anyMatch("create-if-missing"::equals);
    }

    /**
     * The list's {@code $filter}: {@code name eq '…'} and {@code subject eq '…'}, joined with {@code and}, which is
     * what Graph documents for these credentials; anything else is a 400 naming what is supported.
     */
    static FederatedCredentialFilter filter(String text) {
        List<String> names = new ArrayList<>();
        List<String> subjects = new ArrayList<>();
        for (ODataFilter.Clause clause : ODataFilter.clauses(text)) {
            String property = clause.property().toLowerCase(Locale.ROOT);
            if (clause.operator() == ODataFilter.Operator.EQ && property.equals("name")) {
                names.add(clause.value());
            } else if (clause.operator() == ODataFilter.Operator.EQ && property.equals("subject")) {
                subjects.add(clause.value());
            } else {
                throw new InvalidRequestException(
                        RequestError.UNSUPPORTED_FILTER,
                        "Unsupported $filter on federatedIdentityCredentials: '" + clause.property() + "' with "
                                + clause.operator().name().toLowerCase(Locale.ROOT)
                                + ". Supported: name eq '…' and subject eq '…', joined with 'and'.");
            }
        }
        return new FederatedCredentialFilter(names, subjects);
    }

    private void delete(Context ctx) {
        credentials.delete(Authentication.caller(ctx), GraphResponses.tenant(ctx), application(ctx), credential(ctx));
        GraphResponses.noContent(ctx);
    }

    /** The credential a path names: by id or name ({@code …/{credential}}), or by name ({@code …(name='…')}). */
    private static String credential(Context ctx) {
        Map<String, String> params = ctx.pathParamMap();
        return params.containsKey("name") ? params.get("name") : params.get("credential");
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
