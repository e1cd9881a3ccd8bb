package dev.tenantry.graph;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tenantry.directory.apps.AppObjectKind;
import dev.tenantry.directory.apps.ApplicationOwnerService;
import dev.tenantry.directory.apps.OwnedObject;
import dev.tenantry.directory.apps.Owner;
import dev.tenantry.graph.ODataQuery.Option;
import dev.tenantry.shared.Ids;
import dev.tenantry.shared.Page;
import dev.tenantry.shared.PageRequest;
import dev.tenantry.web.Authentication;
import dev.tenantry.web.Gate;
import dev.tenantry.web.JsonBody;
import dev.tenantry.web.PageTokens;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Graph v1.0 owners of applications and service principals ({@code GET …/owners}, {@code POST …/owners/$ref},
 * {@code DELETE …/owners/{id}/$ref}) and what a user owns ({@code GET /me/ownedObjects},
 * {@code /users/{id}/ownedObjects}), each item typed with {@code @odata.type}.
 *
 * @see <a href="https://learn.microsoft.com/graph/api/application-list-owners">List owners of an application</a>
 * @see <a href="https://learn.microsoft.com/graph/api/user-list-ownedobjects">List ownedObjects</a>
 */
final class GraphOwnerRoutes {

    static final String APPLICATION_TYPE = "#microsoft.graph.application";
    static final String SERVICE_PRINCIPAL_TYPE = "#microsoft.graph.servicePrincipal";

    private static final String PAGE_PURPOSE = "graph.ownedObjects";
    private static final ObjectMapper FIELDS = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

    private final ApplicationOwnerService owners;
    private final PageTokens pageTokens;

    GraphOwnerRoutes(ApplicationOwnerService owners, PageTokens pageTokens) {
        this.owners = owners;
        this.pageTokens = pageTokens;
    }

    void register(RoutesConfig routes) {
        for (AppObjectKind kind : AppObjectKind.values()) {
            String base = "/v1.0/" + segment(kind) + "/{id}/owners";
            routes.get(base, ctx -> list(ctx, kind), Gate.GRAPH);
            routes.post(base + "/$ref", ctx -> add(ctx, kind), Gate.GRAPH);
            routes.delete(base + "/{owner}/$ref", ctx -> remove(ctx, kind), Gate.GRAPH);
            routes.delete(base + "/$ref", ctx -> remove(ctx, kind), Gate.GRAPH);
        }
        routes.get("/v1.0/me/ownedObjects", ctx -> owned(ctx, GraphMembershipRoutes.signedInUser(ctx)), Gate.GRAPH);
        routes.get("/v1.0/users/{id}/ownedObjects", ctx -> owned(ctx, ctx.pathParam("id")), Gate.GRAPH);
    }

    private void list(Context ctx, AppObjectKind kind) {
        ODataQuery.parse(ctx.queryParamMap()).allowOnly();
        List<Map<String, Object>> items =
                owners.owners(Authentication.caller(ctx), GraphResponses.tenant(ctx), kind, objectId(ctx)).stream()
                        .map(GraphOwnerRoutes::typed)
                        .toList();
        GraphResponses.ok(ctx, GraphResponses.collection(ctx, "directoryObjects", items, null));
    }

    private void add(Context ctx, AppObjectKind kind) {
        owners.addOwner(
                Authentication.caller(ctx),
                GraphResponses.tenant(ctx),
                kind,
                objectId(ctx),
                GraphReferences.id(JsonBody.read(ctx, GraphReferences.Reference.class)));
        GraphResponses.noContent(ctx);
    }

    private void remove(Context ctx, AppObjectKind kind) {
        owners.removeOwner(
                Authentication.caller(ctx),
                GraphResponses.tenant(ctx),
                kind,
                objectId(ctx),
                GraphReferences.id(ctx, "owner"));
        GraphResponses.noContent(ctx);
    }

    /** {@code ownedObjects} with {@code $select} and {@code $top} (signed {@code $skiptoken}s), as other lists. */
    private void owned(Context ctx, String userId) {
        ODataQuery query = ODataQuery.parse(ctx.queryParamMap()).allowOnly(Option.SELECT, Option.TOP, Option.SKIPTOKEN);
        Set<String> selected = selection(query.select());
        String after = query.skipToken() == null ? null : pageTokens.open(PAGE_PURPOSE, query.skipToken());
        Page<OwnedObject> page = owners.ownedObjects(
                Authentication.caller(ctx), GraphResponses.tenant(ctx), userId, new PageRequest(after, query.top()));
        List<Map<String, Object>> items = page.items().stream()
                .map(object -> project(typed(object), selected))
                .toList();
        String next =
                page.hasNext() ? GraphResponses.nextLink(ctx, pageTokens.seal(PAGE_PURPOSE, page.nextAfter())) : null;
        GraphResponses.ok(ctx, GraphResponses.collection(ctx, "directoryObjects", items, next));
    }

    /** An owner as a directoryObject collection lists it: typed, with its default properties. */
    static Map<String, Object> typed(Owner owner) {
        return switch (owner) {
            case Owner.OfUser user -> GraphUser.of(user.user()).project(GraphUser.properties(List.of()), true);
            case Owner.OfServicePrincipal sp ->
                typed(
                        SERVICE_PRINCIPAL_TYPE,
                        GraphServicePrincipalRoutes.ServicePrincipalView.of(sp.servicePrincipal()));
        };
    }

    static Map<String, Object> typed(OwnedObject object) {
        return switch (object) {
            case OwnedObject.OfApplication app ->
                typed(APPLICATION_TYPE, GraphApplicationRoutes.ApplicationView.of(app.application()));
            case OwnedObject.OfServicePrincipal sp ->
                typed(
                        SERVICE_PRINCIPAL_TYPE,
                        GraphServicePrincipalRoutes.ServicePrincipalView.of(sp.servicePrincipal()));
            case OwnedObject.OfGroup group -> GraphGroup.typed(group.group());
        };
    }

    private static Map<String, Object> typed(String odataType, Record view) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("@odata.type", odataType);
        json.putAll(FIELDS.convertValue(view, OBJECT));
        return json;
    }

    /**
     * The canonical names of {@code $select} over the types ownedObjects holds (case ignored); a name none of them has
     * is Graph's 400. Empty for no selection.
     */
    private static Set<String> selection(List<String> select) {
        if (select.isEmpty() || select.contains("*")) {
            return Set.of();
        }
        List<String> known = knownProperties();
        Set<String> chosen = new LinkedHashSet<>();
        for (String name : select) {
            chosen.add(ODataQuery.canonicalProperty(name, known, "microsoft.graph.directoryObject"));
        }
        return chosen;
    }

    private static List<String> knownProperties() {
        Set<String> names = new LinkedHashSet<>();
        names.addAll(GraphGroup.properties(List.of("*")));
        for (Class<? extends Record> view : List.<Class<? extends Record>>of(
                GraphApplicationRoutes.ApplicationView.class, GraphServicePrincipalRoutes.ServicePrincipalView.class)) {
            for (var component : view.getRecordComponents()) {
                names.add(component.getName());
            }
        }
        return List.copyOf(names);
    }

    /** Keeps the type, the id and the selected properties the item's type has. */
    private static Map<String, Object> project(Map<String, Object> full, Set<String> selected) {
        if (selected.isEmpty()) {
            return full;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("@odata.type", full.get("@odata.type"));
        json.put("id", full.get("id"));
        selected.stream().filter(full::containsKey).forEach(name -> json.put(name, full.get(name)));
        return json;
    }

    private static String segment(AppObjectKind kind) {
        return kind == AppObjectKind.APPLICATION ? "applications" : "servicePrincipals";
    }

    private static UUID objectId(Context ctx) {
        return Ids.parseUuid(ctx.pathParam("id"), "object id");
    }
}
