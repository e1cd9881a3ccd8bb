package dev.tenantry.graph;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.tenantry.directory.DirectoryError;
import dev.tenantry.directory.Group;
import dev.tenantry.directory.User;
import dev.tenantry.directory.groups.GroupService;
import dev.tenantry.directory.users.UserService;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.Ids;
import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.shared.RequestError;
import dev.tenantry.shared.TenantId;
import dev.tenantry.web.Authentication;
import dev.tenantry.web.Gate;
import dev.tenantry.web.JsonBody;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Who is in which group, on Graph v1.0 (issue 9): {@code memberOf} and {@code transitiveMemberOf} of users (with their
 * directory roles) and of groups, and the {@code checkMemberGroups}, {@code getMemberGroups} and
 * {@code getMemberObjects} actions of users, groups, {@code /me} and {@code /directoryObjects}.
 */
public final class GraphMembershipRoutes {

    private static final List<String> OBJECT_KINDS = List.of("users", "groups", "directoryObjects");

    private final UserService users;
    private final GroupService groups;

    public GraphMembershipRoutes(UserService users, GroupService groups) {
        this.users = users;
        this.groups = groups;
    }

    public void register(RoutesConfig routes) {
        routes.get("/v1.0/users/{id}/memberOf", ctx -> userMemberOf(ctx, ctx.pathParam("id"), false), Gate.GRAPH);
        routes.get("/v1.0/me/memberOf", ctx -> userMemberOf(ctx, signedInUser(ctx), false), Gate.GRAPH);
        routes.get(
                "/v1.0/users/{id}/transitiveMemberOf", ctx -> userMemberOf(ctx, ctx.pathParam("id"), true), Gate.GRAPH);
        routes.get("/v1.0/me/transitiveMemberOf", ctx -> userMemberOf(ctx, signedInUser(ctx), true), Gate.GRAPH);
        routes.get("/v1.0/groups/{id}/memberOf", ctx -> groupMemberOf(ctx, false), Gate.GRAPH);
        routes.get("/v1.0/groups/{id}/transitiveMemberOf", ctx -> groupMemberOf(ctx, true), Gate.GRAPH);
        // OData casts, such as the SDKs' memberOf().graphGroup(): /memberOf/graph.group
        routes.get(
                "/v1.0/users/{id}/memberOf/{cast}", ctx -> userMemberOf(ctx, ctx.pathParam("id"), false), Gate.GRAPH);
        routes.get("/v1.0/me/memberOf/{cast}", ctx -> userMemberOf(ctx, signedInUser(ctx), false), Gate.GRAPH);
        routes.get(
                "/v1.0/users/{id}/transitiveMemberOf/{cast}",
                ctx -> userMemberOf(ctx, ctx.pathParam("id"), true),
                Gate.GRAPH);
        routes.get("/v1.0/me/transitiveMemberOf/{cast}", ctx -> userMemberOf(ctx, signedInUser(ctx), true), Gate.GRAPH);
        routes.get("/v1.0/groups/{id}/memberOf/{cast}", ctx -> groupMemberOf(ctx, false), Gate.GRAPH);
        routes.get("/v1.0/groups/{id}/transitiveMemberOf/{cast}", ctx -> groupMemberOf(ctx, true), Gate.GRAPH);
        for (String kind : OBJECT_KINDS) {
            routes.post("/v1.0/" + kind + "/{id}/checkMemberGroups", this::checkMemberGroups, Gate.GRAPH);
            routes.post("/v1.0/" + kind + "/{id}/getMemberGroups", this::getMemberGroups, Gate.GRAPH);
            routes.post("/v1.0/" + kind + "/{id}/getMemberObjects", this::getMemberGroups, Gate.GRAPH);
        }
        routes.post("/v1.0/me/checkMemberGroups", this::checkMemberGroups, Gate.GRAPH);
        routes.post("/v1.0/me/getMemberGroups", this::getMemberGroups, Gate.GRAPH);
        routes.post("/v1.0/me/getMemberObjects", this::getMemberGroups, Gate.GRAPH);
    }

    /**
     * A user's directory roles and groups, as one directoryObject collection: roles first, then groups ({@code
     * transitive}: through nested groups too).
     */
    List<Map<String, Object>> memberOf(Caller caller, TenantId tenant, User user, boolean transitive) {
        List<Map<String, Object>> items = new ArrayList<>();
        users.memberOf(caller, tenant, user.id().toString()).stream()
                .map(role -> GraphDirectoryRole.of(role).typed())
                .forEach(items::add);
        groups.memberOf(caller, tenant, user.objectId(), transitive).stream()
                .map(GraphGroup::typed)
                .forEach(items::add);
        return items;
    }

    private void userMemberOf(Context ctx, String userIdOrUpn, boolean transitive) {
        ODataQuery.parse(ctx.queryParamMap()).allowOnly();
        Caller caller = Authentication.caller(ctx);
        TenantId tenant = GraphResponses.tenant(ctx);
        User user = users.getUser(caller, tenant, userIdOrUpn);
        GraphResponses.ok(
                ctx,
                GraphResponses.collection(
                        ctx,
                        "directoryObjects",
                        GraphReferences.cast(ctx, memberOf(caller, tenant, user, transitive)),
                        null));
    }

    private void groupMemberOf(Context ctx, boolean transitive) {
        ODataQuery.parse(ctx.queryParamMap()).allowOnly();
        Caller caller = Authentication.caller(ctx);
        TenantId tenant = GraphResponses.tenant(ctx);
        Group group = groups.get(caller, tenant, ctx.pathParam("id"));
        List<Map<String, Object>> items = groups.memberOf(caller, tenant, group.id(), transitive).stream()
                .map(GraphGroup::typed)
                .toList();
        GraphResponses.ok(
                ctx, GraphResponses.collection(ctx, "directoryObjects", GraphReferences.cast(ctx, items), null));
    }

    private void checkMemberGroups(Context ctx) {
        CheckMemberGroupsRequest body = JsonBody.read(ctx, CheckMemberGroupsRequest.class);
        if (body.groupIds() == null) {
            throw new InvalidRequestException(
                    RequestError.MISSING_FIELD,
                    "checkMemberGroups needs 'groupIds', an array of group ids.",
                    "groupIds");
        }
        List<String> held = groups
                .checkMemberGroups(
                        Authentication.caller(ctx), GraphResponses.tenant(ctx), objectId(ctx), body.groupIds())
                .stream()
                .map(UUID::toString)
                .toList();
        GraphResponses.ok(ctx, GraphResponses.collection(ctx, "Collection(Edm.String)", held, null));
    }

    /** {@code getMemberGroups} and {@code getMemberObjects}: every group the object is in, transitively. */
    private void getMemberGroups(Context ctx) {
        GetMemberGroupsRequest body = JsonBody.read(ctx, GetMemberGroupsRequest.class);
        if (body.securityEnabledOnly() == null) {
            throw new InvalidRequestException(
                    RequestError.MISSING_FIELD,
                    "This action needs 'securityEnabledOnly': true for security groups only, false for all groups.",
                    "securityEnabledOnly");
        }
        List<String> ids = groups
                .memberGroupIds(
                        Authentication.caller(ctx),
                        GraphResponses.tenant(ctx),
                        objectId(ctx),
                        body.securityEnabledOnly())
                .stream()
                .map(UUID::toString)
                .toList();
        GraphResponses.ok(ctx, GraphResponses.collection(ctx, "Collection(Edm.String)", ids, null));
    }

    /** The object of the request: the path's id (a user's UPN too), or the signed-in user for {@code /me}. */
    private UUID objectId(Context ctx) {
        if (ctx.path().startsWith("/v1.0/me/")) {
            return UUID.fromString(signedInUser(ctx));
        }
        String id = ctx.pathParam("id");
        if (ctx.path().startsWith("/v1.0/users/")) {
            return users.getUser(Authentication.caller(ctx), GraphResponses.tenant(ctx), id)
                    .objectId();
        }
        return Ids.tryParse(id)
                .orElseThrow(() -> new InvalidRequestException(
                        DirectoryError.INVALID_OBJECT_REFERENCE, "Invalid object identifier '" + id + "'."));
    }

    /** {@code /me} is the user of a delegated token; an app-only token has none (compat §5). */
    static String signedInUser(Context ctx) {
        if (Authentication.caller(ctx) instanceof Caller.User user) {
            return user.userId().toString();
        }
        throw new InvalidRequestException(
                GraphError.ME_REQUIRES_DELEGATED, "/me request is only valid with delegated authentication flow.");
    }

    /** Graph's checkMemberGroups body. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record CheckMemberGroupsRequest(List<String> groupIds) {}

    /** Graph's getMemberGroups / getMemberObjects body. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record GetMemberGroupsRequest(Boolean securityEnabledOnly) {}
}
