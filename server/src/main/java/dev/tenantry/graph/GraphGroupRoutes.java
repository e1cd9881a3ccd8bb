package dev.tenantry.graph;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tenantry.directory.DirectoryObject;
import dev.tenantry.directory.Group;
import dev.tenantry.directory.GroupFilter;
import dev.tenantry.directory.groups.GroupPatch;
import dev.tenantry.directory.groups.GroupService;
import dev.tenantry.directory.groups.NewGroup;
import dev.tenantry.graph.ODataQuery.Option;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.shared.Page;
import dev.tenantry.shared.PageRequest;
import dev.tenantry.shared.TenantId;
import dev.tenantry.subscriptions.LicenceService;
import dev.tenantry.web.Authentication;
import dev.tenantry.web.BaseUrl;
import dev.tenantry.web.Gate;
import dev.tenantry.web.JsonBody;
import dev.tenantry.web.PageTokens;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Graph v1.0 groups (issue 9): list with {@code $filter}, {@code $search}, {@code $count}, {@code $orderby},
 * {@code $select}, {@code $top}, {@code $expand=members} and signed {@code $skiptoken}s; {@code /groups/$count};
 * create (with {@code members@odata.bind} and {@code owners@odata.bind}), get, update, delete; members and owners
 * with {@code $ref}; transitive members.
 *
 * @see <a href="https://learn.microsoft.com/graph/api/resources/group">Graph group resource</a>
 */
public final class GraphGroupRoutes {

    private static final String PAGE_PURPOSE = "graph.groups";

    /** Graph's advanced queries ({@code $count}, {@code $search}) need this header. */
    private static final String CONSISTENCY_LEVEL = "ConsistencyLevel";

    /** {@code "displayName:words"}, quoted as Graph requires. */
    private static final Pattern SEARCH = Pattern.compile("^\"displayName:([^\"]*)\"$", Pattern.CASE_INSENSITIVE);

    private final GroupService groups;
    private final LicenceService licences;
    private final PageTokens pageTokens;

    public GraphGroupRoutes(GroupService groups, LicenceService licences, PageTokens pageTokens) {
        this.groups = groups;
        this.licences = licences;
        this.pageTokens = pageTokens;
    }

    public void register(RoutesConfig routes) {
        routes.get("/v1.0/groups", this::list, Gate.GRAPH);
        routes.post("/v1.0/groups", this::create, Gate.GRAPH);
        routes.get("/v1.0/groups/$count", this::count, Gate.GRAPH);
        routes.get("/v1.0/groups/{id}", this::get, Gate.GRAPH);
        routes.patch("/v1.0/groups/{id}", this::update, Gate.GRAPH);
        routes.delete("/v1.0/groups/{id}", this::delete, Gate.GRAPH);
        routes.get("/v1.0/groups/{id}/members", ctx -> members(ctx, false), Gate.GRAPH);
        routes.get("/v1.0/groups/{id}/transitiveMembers", ctx -> members(ctx, true), Gate.GRAPH);
        routes.get("/v1.0/groups/{id}/members/{cast}", ctx -> members(ctx, false), Gate.GRAPH);
        routes.get("/v1.0/groups/{id}/transitiveMembers/{cast}", ctx -> members(ctx, true), Gate.GRAPH);
        routes.post("/v1.0/groups/{id}/members/$ref", this::addMember, Gate.GRAPH);
        routes.delete("/v1.0/groups/{id}/members/{member}/$ref", this::removeMember, Gate.GRAPH);
        routes.delete("/v1.0/groups/{id}/members/$ref", this::removeMember, Gate.GRAPH);
        routes.get("/v1.0/groups/{id}/owners", this::owners, Gate.GRAPH);
        routes.post("/v1.0/groups/{id}/owners/$ref", this::addOwner, Gate.GRAPH);
        routes.delete("/v1.0/groups/{id}/owners/{owner}/$ref", this::removeOwner, Gate.GRAPH);
        routes.delete("/v1.0/groups/{id}/owners/$ref", this::removeOwner, Gate.GRAPH);
        routes.post("/v1.0/groups/{id}/assignLicense", this::assignLicense, Gate.GRAPH);
        routes.post("/v1.0/groups/{id}/reprocessLicenseAssignment", this::reprocess, Gate.GRAPH);
        routes.get("/v1.0/groups/{id}/membersWithLicenseErrors", this::membersWithLicenseErrors, Gate.GRAPH);
    }

    private void list(Context ctx) throws IOException {
        ODataQuery query = ODataQuery.parse(ctx.queryParamMap())
                .allowOnly(
                        Option.SELECT,
                        Option.FILTER,
                        Option.TOP,
                        Option.SKIPTOKEN,
                        Option.COUNT,
                        Option.SEARCH,
                        Option.ORDERBY,
                        Option.EXPAND);
        List<String> properties = GraphGroup.properties(query.select());
        boolean expandMembers = expandMembers(query);
        String search = search(ctx, query);
        boolean byName = orderByDisplayName(query) || search != null;
        List<GroupFilter> filters = ODataFilter.groups(query.filter());
        Caller caller = Authentication.caller(ctx);
        TenantId tenant = GraphResponses.tenant(ctx);
        String after = query.skipToken() == null ? null : pageTokens.open(PAGE_PURPOSE, query.skipToken());
        Page<Group> page = groups.list(caller, tenant, filters, search, byName, new PageRequest(after, query.top()));
        List<Map<String, Object>> items = page.items().stream()
                .map(group -> completed(ctx, GraphGroup.project(group, properties, false), group, expandMembers))
                .toList();
        String next =
                page.hasNext() ? GraphResponses.nextLink(ctx, pageTokens.seal(PAGE_PURPOSE, page.nextAfter())) : null;
        Map<String, Object> body = GraphResponses.collection(ctx, groupsContext(query.select()), items, next);
        if (query.count()) {
            requireConsistencyLevel(ctx, "$count");
            body = GraphResponses.counted(body, groups.count(caller, tenant, filters, search));
        }
        GraphResponses.stream(ctx, body);
    }

    /** {@code GET /groups/$count}: the number alone, as text, like Graph. */
    private void count(Context ctx) {
        ODataQuery query = ODataQuery.parse(ctx.queryParamMap()).allowOnly(Option.FILTER, Option.SEARCH);
        requireConsistencyLevel(ctx, "$count");
        long count = groups.count(
                Authentication.caller(ctx),
                GraphResponses.tenant(ctx),
                ODataFilter.groups(query.filter()),
                search(ctx, query));
        ctx.status(200).contentType("text/plain;charset=utf-8").result(Long.toString(count));
    }

    private void get(Context ctx) {
        ODataQuery query = ODataQuery.parse(ctx.queryParamMap()).allowOnly(Option.SELECT, Option.EXPAND);
        Group group = groups.get(Authentication.caller(ctx), GraphResponses.tenant(ctx), ctx.pathParam("id"));
        Map<String, Object> json = completed(
                ctx,
                GraphGroup.project(group, GraphGroup.properties(query.select()), false),
                group,
                expandMembers(query));
        GraphResponses.ok(ctx, GraphResponses.entity(ctx, groupsContext(query.select()) + "/$entity", json));
    }

    private void create(Context ctx) {
        CreateGroupRequest body = JsonBody.read(ctx, CreateGroupRequest.class);
        Group group = groups.create(
                Authentication.caller(ctx),
                GraphResponses.tenant(ctx),
                new NewGroup(
                        body.displayName(),
                        body.description(),
                        body.mailNickname(),
                        body.mailEnabled(),
                        body.securityEnabled(),
                        body.groupTypes(),
                        body.visibility(),
                        GraphReferences.ids(body.members(), "members@odata.bind"),
                        GraphReferences.ids(body.owners(), "owners@odata.bind")));
        ctx.header("Location", BaseUrl.of(ctx) + "/v1.0/groups/" + group.id());
        GraphResponses.write(
                ctx,
                201,
                GraphResponses.entity(
                        ctx, "groups/$entity", GraphGroup.project(group, GraphGroup.properties(List.of()), false)));
    }

    private void update(Context ctx) {
        UpdateGroupRequest body = JsonBody.read(ctx, UpdateGroupRequest.class);
        groups.update(
                Authentication.caller(ctx),
                GraphResponses.tenant(ctx),
                ctx.pathParam("id"),
                new GroupPatch(
                        body.displayName(),
                        body.description(),
                        body.mailNickname(),
                        body.visibility(),
                        GraphReferences.ids(body.members(), "members@odata.bind")));
        GraphResponses.noContent(ctx);
    }

    private void delete(Context ctx) {
        groups.delete(Authentication.caller(ctx), GraphResponses.tenant(ctx), ctx.pathParam("id"));
        GraphResponses.noContent(ctx);
    }

    private void members(Context ctx, boolean transitive) {
        ODataQuery.parse(ctx.queryParamMap()).allowOnly();
        Caller caller = Authentication.caller(ctx);
        TenantId tenant = GraphResponses.tenant(ctx);
        String groupId = ctx.pathParam("id");
        List<DirectoryObject> members = transitive
                ? groups.transitiveMembers(caller, tenant, groupId)
                : groups.members(caller, tenant, groupId);
        GraphResponses.ok(
                ctx,
                GraphResponses.collection(
                        ctx, "directoryObjects", GraphReferences.cast(ctx, GraphReferences.typed(members)), null));
    }

    private void owners(Context ctx) {
        ODataQuery.parse(ctx.queryParamMap()).allowOnly();
        var owners = groups.owners(Authentication.caller(ctx), GraphResponses.tenant(ctx), ctx.pathParam("id"));
        GraphResponses.ok(
                ctx,
                GraphResponses.collection(ctx, "directoryObjects", GraphReferences.typed(List.copyOf(owners)), null));
    }

    private void addMember(Context ctx) {
        groups.addMember(
                Authentication.caller(ctx),
                GraphResponses.tenant(ctx),
                ctx.pathParam("id"),
                GraphReferences.id(JsonBody.read(ctx, GraphReferences.Reference.class)));
        GraphResponses.noContent(ctx);
    }

    private void removeMember(Context ctx) {
        groups.removeMember(
                Authentication.caller(ctx),
                GraphResponses.tenant(ctx),
                ctx.pathParam("id"),
                GraphReferences.id(ctx, "member"));
        GraphResponses.noContent(ctx);
    }

    private void addOwner(Context ctx) {
        groups.addOwner(
                Authentication.caller(ctx),
                GraphResponses.tenant(ctx),
                ctx.pathParam("id"),
                GraphReferences.id(JsonBody.read(ctx, GraphReferences.Reference.class)));
        GraphResponses.noContent(ctx);
    }

    private void removeOwner(Context ctx) {
        groups.removeOwner(
                Authentication.caller(ctx),
                GraphResponses.tenant(ctx),
                ctx.pathParam("id"),
                GraphReferences.id(ctx, "owner"));
        GraphResponses.noContent(ctx);
    }

    /** Graph answers a group's assignLicense with 202 and the group: members get their licences as it is processed. */
    private void assignLicense(Context ctx) {
        GraphLicences.AssignLicenseRequest body = JsonBody.read(ctx, GraphLicences.AssignLicenseRequest.class);
        Group group = licences.assignGroupLicense(
                Authentication.caller(ctx),
                GraphResponses.tenant(ctx),
                ctx.pathParam("id"),
                body.toAdd(),
                body.removeLicenses());
        respondGroup(ctx, 202, group);
    }

    private void reprocess(Context ctx) {
        respondGroup(
                ctx,
                200,
                licences.reprocessGroup(Authentication.caller(ctx), GraphResponses.tenant(ctx), ctx.pathParam("id")));
    }

    private void respondGroup(Context ctx, int status, Group group) {
        Map<String, Object> json = GraphGroup.project(group, GraphGroup.properties(List.of()), false);
        json.put(
                GraphGroup.ASSIGNED_LICENSES,
                GraphLicences.ofGroup(licences.groupLicences(
                        Authentication.caller(ctx),
                        GraphResponses.tenant(ctx),
                        group.id().toString())));
        GraphResponses.write(ctx, status, GraphResponses.entity(ctx, "groups/$entity", json));
    }

    private void membersWithLicenseErrors(Context ctx) {
        ODataQuery.parse(ctx.queryParamMap()).allowOnly();
        var users = licences.membersWithLicenseErrors(
                Authentication.caller(ctx), GraphResponses.tenant(ctx), ctx.pathParam("id"));
        GraphResponses.ok(ctx, GraphResponses.collection(ctx, "directoryObjects", GraphReferences.typed(users), null));
    }

    private Map<String, Object> completed(Context ctx, Map<String, Object> json, Group group, boolean expand) {
        if (json.containsKey(GraphGroup.ASSIGNED_LICENSES)) {
            json.put(
                    GraphGroup.ASSIGNED_LICENSES,
                    GraphLicences.ofGroup(licences.groupLicences(
                            Authentication.caller(ctx),
                            GraphResponses.tenant(ctx),
                            group.id().toString())));
        }
        if (expand) {
            json.put(
                    "members",
                    GraphReferences.typed(groups.members(
                            Authentication.caller(ctx),
                            GraphResponses.tenant(ctx),
                            group.id().toString())));
        }
        return json;
    }

    /** {@code $expand=members} is the one expansion groups support here. */
    private static boolean expandMembers(ODataQuery query) {
        for (String expanded : query.expand()) {
            if (!expanded.equalsIgnoreCase("members")) {
                throw new InvalidRequestException(
                        GraphError.UNSUPPORTED_QUERY_OPTION,
                        "Unsupported $expand '" + expanded + "' on groups: only $expand=members is supported.");
            }
        }
        return !query.expand().isEmpty();
    }

    private static boolean orderByDisplayName(ODataQuery query) {
        if (query.orderBy() == null) {
            return false;
        }
        if (query.orderBy().strip().matches("(?i)displayName( asc)?")) {
            return true;
        }
        throw new InvalidRequestException(
                GraphError.UNSUPPORTED_QUERY_OPTION,
                "Unsupported $orderby '" + query.orderBy() + "' on groups: only $orderby=displayName is supported.");
    }

    /** The text of {@code $search="displayName:…"}, or null; Graph wants {@code ConsistencyLevel: eventual} with it. */
    private static String search(Context ctx, ODataQuery query) {
        if (query.search() == null) {
            return null;
        }
        requireConsistencyLevel(ctx, "$search");
        Matcher matcher = SEARCH.matcher(query.search().strip());
        if (!matcher.matches()) {
            throw new InvalidRequestException(
                    GraphError.UNSUPPORTED_QUERY_OPTION,
                    "Unsupported $search '" + query.search() + "': use $search=\"displayName:text\" (with the double"
                            + " quotes); groups are searched by display name.");
        }
        return matcher.group(1).strip();
    }

    private static void requireConsistencyLevel(Context ctx, String option) {
        if (!"eventual".equalsIgnoreCase(ctx.header(CONSISTENCY_LEVEL))) {
            throw new InvalidRequestException(
                    GraphError.CONSISTENCY_LEVEL_REQUIRED,
                    "Request with " + option + " query parameter only works through MSGraph with a special request"
                            + " header: 'ConsistencyLevel: eventual'.");
        }
    }

    private static String groupsContext(List<String> select) {
        return select.isEmpty() ? "groups" : "groups(" + String.join(",", select) + ")";
    }

    /** Graph's create-group body; {@code @odata.type} and unknown properties are ignored. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record CreateGroupRequest(
            String displayName,
            String description,
            String mailNickname,
            Boolean mailEnabled,
            Boolean securityEnabled,
            List<String> groupTypes,
            String visibility,
            @JsonProperty("members@odata.bind") List<String> members,
            @JsonProperty("owners@odata.bind") List<String> owners) {}

    /** Graph's update-group body: only the properties sent change. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record UpdateGroupRequest(
            String displayName,
            String description,
            String mailNickname,
            String visibility,
            @JsonProperty("members@odata.bind") List<String> members) {}
}
