package dev.tenantry.graph;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.tenantry.directory.DirectoryService;
import dev.tenantry.directory.NewUser;
import dev.tenantry.directory.User;
import dev.tenantry.directory.UserPatch;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.shared.Page;
import dev.tenantry.shared.PageRequest;
import dev.tenantry.web.Authentication;
import dev.tenantry.web.BaseUrl;
import dev.tenantry.web.Gate;
import dev.tenantry.web.JsonBody;
import dev.tenantry.web.PageTokens;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * Graph v1.0 users: list with {@code $select}, {@code $filter}, {@code $top} and signed {@code $skiptoken}s; get by
 * id or UPN; create, update, delete; {@code /me}; and {@code memberOf}.
 *
 * @see <a href="https://learn.microsoft.com/graph/api/resources/user">Graph user resource</a>
 */
public final class GraphUserRoutes {

    /** The list a {@code $skiptoken} belongs to: a token of another list (ARM's, say) is refused. */
    private static final String PAGE_PURPOSE = "graph.users";

    private final DirectoryService directory;
    private final PageTokens pageTokens;

    public GraphUserRoutes(DirectoryService directory, PageTokens pageTokens) {
        this.directory = directory;
        this.pageTokens = pageTokens;
    }

    public void register(RoutesConfig routes) {
        routes.get("/v1.0/users", this::list, Gate.GRAPH);
        routes.post("/v1.0/users", this::create, Gate.GRAPH);
        routes.get("/v1.0/users/{id}", this::get, Gate.GRAPH);
        routes.patch("/v1.0/users/{id}", this::update, Gate.GRAPH);
        routes.delete("/v1.0/users/{id}", this::delete, Gate.GRAPH);
        routes.get("/v1.0/users/{id}/memberOf", this::memberOf, Gate.GRAPH);
        routes.get("/v1.0/me", this::me, Gate.GRAPH);
        routes.get("/v1.0/me/memberOf", this::myMemberOf, Gate.GRAPH);
    }

    private void list(Context ctx) {
        ODataQuery query = ODataQuery.parse(ctx.queryParamMap());
        List<String> properties = GraphUser.properties(query.select());
        String after = query.skipToken() == null ? null : pageTokens.open(PAGE_PURPOSE, query.skipToken());
        Page<User> page = directory.listUsers(
                Authentication.caller(ctx),
                GraphResponses.tenant(ctx),
                ODataFilter.parse(query.filter()),
                new PageRequest(after, query.top()));
        List<Map<String, Object>> items = page.items().stream()
                .map(user -> GraphUser.of(user).project(properties, false))
                .toList();
        String next =
                page.hasNext() ? GraphResponses.nextLink(ctx, pageTokens.seal(PAGE_PURPOSE, page.nextAfter())) : null;
        GraphResponses.ok(ctx, GraphResponses.collection(ctx, usersContext(query.select()), items, next));
    }

    private void get(Context ctx) {
        User user = directory.getUser(Authentication.caller(ctx), GraphResponses.tenant(ctx), ctx.pathParam("id"));
        respondUser(ctx, user);
    }

    private void me(Context ctx) {
        User user = directory.getUser(Authentication.caller(ctx), GraphResponses.tenant(ctx), signedInUser(ctx));
        respondUser(ctx, user);
    }

    private void create(Context ctx) {
        CreateUserRequest body = JsonBody.read(ctx, CreateUserRequest.class);
        User user = directory.createUser(Authentication.caller(ctx), GraphResponses.tenant(ctx), body.toNewUser());
        ctx.header("Location", BaseUrl.of(ctx) + "/v1.0/users/" + user.id());
        GraphResponses.write(
                ctx,
                201,
                GraphResponses.entity(
                        ctx, "users/$entity", GraphUser.of(user).project(GraphUser.properties(List.of()), false)));
    }

    private void update(Context ctx) {
        UpdateUserRequest body = JsonBody.read(ctx, UpdateUserRequest.class);
        directory.updateUser(
                Authentication.caller(ctx), GraphResponses.tenant(ctx), ctx.pathParam("id"), body.toPatch());
        GraphResponses.noContent(ctx);
    }

    private void delete(Context ctx) {
        directory.deleteUser(Authentication.caller(ctx), GraphResponses.tenant(ctx), ctx.pathParam("id"));
        GraphResponses.noContent(ctx);
    }

    private void memberOf(Context ctx) {
        respondRoles(ctx, ctx.pathParam("id"));
    }

    private void myMemberOf(Context ctx) {
        respondRoles(ctx, signedInUser(ctx));
    }

    private void respondUser(Context ctx, User user) {
        ODataQuery query = ODataQuery.parse(ctx.queryParamMap());
        Map<String, Object> properties = GraphUser.of(user).project(GraphUser.properties(query.select()), false);
        GraphResponses.ok(ctx, GraphResponses.entity(ctx, usersContext(query.select()) + "/$entity", properties));
    }

    private void respondRoles(Context ctx, String userIdOrUpn) {
        var roles =
                directory.directoryRolesOf(Authentication.caller(ctx), GraphResponses.tenant(ctx), userIdOrUpn).stream()
                        .map(role -> GraphDirectoryRole.of(role).typed())
                        .toList();
        GraphResponses.ok(ctx, GraphResponses.collection(ctx, "directoryObjects", roles, null));
    }

    /** {@code /me} is the user of a delegated token; an app-only token has none (compat §5). */
    private static String signedInUser(Context ctx) {
        if (Authentication.caller(ctx) instanceof Caller.User user) {
            return user.userId().toString();
        }
        throw new InvalidRequestException(
                GraphError.ME_REQUIRES_DELEGATED, "/me request is only valid with delegated authentication flow.");
    }

    private static String usersContext(List<String> select) {
        return select.isEmpty() ? "users" : "users(" + String.join(",", select) + ")";
    }

    /** Graph's create-user body; {@code @odata.type} and unknown properties are ignored. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record CreateUserRequest(
            Boolean accountEnabled,
            String displayName,
            String mailNickname,
            PasswordProfile passwordProfile,
            String userPrincipalName,
            String givenName,
            String surname,
            String usageLocation,
            String jobTitle) {

        NewUser toNewUser() {
            return new NewUser(
                    displayName,
                    userPrincipalName,
                    passwordProfile == null ? null : passwordProfile.password(),
                    givenName,
                    surname,
                    mailNickname,
                    accountEnabled,
                    usageLocation,
                    jobTitle);
        }
    }

    /** Graph's update-user body: only the properties sent change. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record UpdateUserRequest(
            String displayName,
            String givenName,
            String surname,
            String mail,
            Boolean accountEnabled,
            String usageLocation,
            String jobTitle,
            PasswordProfile passwordProfile) {

        UserPatch toPatch() {
            return new UserPatch(
                    displayName,
                    givenName,
                    surname,
                    mail,
                    accountEnabled,
                    usageLocation,
                    jobTitle,
                    passwordProfile == null ? null : passwordProfile.password());
        }
    }

    /** Graph's {@code passwordProfile}; {@code forceChangePasswordNextSignIn} is accepted and ignored. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record PasswordProfile(String password, Boolean forceChangePasswordNextSignIn) {}
}
