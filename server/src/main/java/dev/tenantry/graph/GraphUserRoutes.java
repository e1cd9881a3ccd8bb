package dev.tenantry.graph;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.tenantry.directory.Guest;
import dev.tenantry.directory.NewUser;
import dev.tenantry.directory.User;
import dev.tenantry.directory.UserPatch;
import dev.tenantry.directory.UserType;
import dev.tenantry.directory.guests.GuestService;
import dev.tenantry.directory.users.UserService;
import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.shared.Page;
import dev.tenantry.shared.PageRequest;
import dev.tenantry.shared.UserId;
import dev.tenantry.subscriptions.LicenceAssignment;
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

/**
 * Graph v1.0 users: list with {@code $select}, {@code $filter}, {@code $top} and signed {@code $skiptoken}s; get by
 * id or UPN; create, update, delete; {@code /me}; {@code memberOf}; and licences ({@code assignLicense},
 * {@code licenseDetails}, {@code assignedLicenses}).
 *
 * @see <a href="https://learn.microsoft.com/graph/api/resources/user">Graph user resource</a>
 */
public final class GraphUserRoutes {

    /** The list a {@code $skiptoken} belongs to: a token of another list (ARM's, say) is refused. */
    private static final String PAGE_PURPOSE = "graph.users";

    private static final String ASSIGNED_LICENSES = "assignedLicenses";
    private static final String LICENSE_ASSIGNMENT_STATES = "licenseAssignmentStates";
    private static final String ASSIGNED_PLANS = "assignedPlans";

    private final UserService users;
    private final LicenceService licences;
    private final PageTokens pageTokens;
    private final GraphMembershipRoutes memberships;
    private final GuestService guests;

    public GraphUserRoutes(
            UserService users,
            LicenceService licences,
            PageTokens pageTokens,
            GraphMembershipRoutes memberships,
            GuestService guests) {
        this.users = users;
        this.licences = licences;
        this.pageTokens = pageTokens;
        this.memberships = memberships;
        this.guests = guests;
    }

    public void register(RoutesConfig routes) {
        routes.get("/v1.0/users", this::list, Gate.GRAPH);
        routes.post("/v1.0/users", this::create, Gate.GRAPH);
        routes.get("/v1.0/users/{id}", this::get, Gate.GRAPH);
        routes.patch("/v1.0/users/{id}", this::update, Gate.GRAPH);
        routes.delete("/v1.0/users/{id}", this::delete, Gate.GRAPH);
        routes.post("/v1.0/users/{id}/assignLicense", this::assignLicense, Gate.GRAPH);
        routes.post("/v1.0/users/{id}/reprocessLicenseAssignment", this::reprocess, Gate.GRAPH);
        routes.get("/v1.0/users/{id}/licenseDetails", ctx -> licenseDetails(ctx, ctx.pathParam("id")), Gate.GRAPH);
        routes.get("/v1.0/me/licenseDetails", ctx -> licenseDetails(ctx, signedInUser(ctx)), Gate.GRAPH);
        routes.get("/v1.0/me", this::me, Gate.GRAPH);
    }

    private void list(Context ctx) throws IOException {
        ODataQuery query = ODataQuery.parse(ctx.queryParamMap())
                .allowOnly(
                        ODataQuery.Option.SELECT,
                        ODataQuery.Option.FILTER,
                        ODataQuery.Option.TOP,
                        ODataQuery.Option.SKIPTOKEN);
        List<String> properties = GraphUser.properties(query.select());
        String after = query.skipToken() == null ? null : pageTokens.open(PAGE_PURPOSE, query.skipToken());
        Page<User> page = users.listUsers(
                Authentication.caller(ctx),
                GraphResponses.tenant(ctx),
                ODataFilter.users(query.filter()),
                new PageRequest(after, query.top()));
        Map<UserId, List<LicenceAssignment>> held = properties.contains(ASSIGNED_LICENSES)
                ? licences.licencesOf(Authentication.caller(ctx), GraphResponses.tenant(ctx), page.items())
                : Map.of();
        List<Map<String, Object>> items = page.items().stream()
                .map(user -> withStates(
                        ctx,
                        user,
                        GraphUser.of(user, held.getOrDefault(user.id(), List.of()))
                                .project(properties, false)))
                .toList();
        String next =
                page.hasNext() ? GraphResponses.nextLink(ctx, pageTokens.seal(PAGE_PURPOSE, page.nextAfter())) : null;
        GraphResponses.stream(ctx, GraphResponses.collection(ctx, usersContext(query.select()), items, next));
    }

    private void get(Context ctx) {
        User user = users.getUser(Authentication.caller(ctx), GraphResponses.tenant(ctx), ctx.pathParam("id"));
        respondUser(ctx, user);
    }

    private void me(Context ctx) {
        User user = users.getUser(Authentication.caller(ctx), GraphResponses.tenant(ctx), signedInUser(ctx));
        respondUser(ctx, user);
    }

    private void create(Context ctx) {
        CreateUserRequest body = JsonBody.read(ctx, CreateUserRequest.class);
        User user = users.createUser(Authentication.caller(ctx), GraphResponses.tenant(ctx), body.toNewUser());
        ctx.header("Location", BaseUrl.of(ctx) + "/v1.0/users/" + user.id());
        GraphResponses.write(
                ctx,
                201,
                GraphResponses.entity(
                        ctx, "users/$entity", GraphUser.of(user).project(GraphUser.properties(List.of()), false)));
    }

    private void update(Context ctx) {
        UpdateUserRequest body = JsonBody.read(ctx, UpdateUserRequest.class);
        users.updateUser(Authentication.caller(ctx), GraphResponses.tenant(ctx), ctx.pathParam("id"), body.toPatch());
        GraphResponses.noContent(ctx);
    }

    private void delete(Context ctx) {
        users.deleteUser(Authentication.caller(ctx), GraphResponses.tenant(ctx), ctx.pathParam("id"));
        GraphResponses.noContent(ctx);
    }

    /** Graph's assignLicense: {@code addLicenses} and {@code removeLicenses} are both required; answers the user. */
    private void assignLicense(Context ctx) {
        GraphLicences.AssignLicenseRequest body = JsonBody.read(ctx, GraphLicences.AssignLicenseRequest.class);
        User user = licences.assignLicense(
                Authentication.caller(ctx),
                GraphResponses.tenant(ctx),
                ctx.pathParam("id"),
                body.toAdd(),
                body.removeLicenses());
        respondUser(ctx, user);
    }

    private void reprocess(Context ctx) {
        respondUser(
                ctx,
                licences.reprocessUser(Authentication.caller(ctx), GraphResponses.tenant(ctx), ctx.pathParam("id")));
    }

    private void licenseDetails(Context ctx, String userIdOrUpn) {
        ODataQuery query = ODataQuery.parse(ctx.queryParamMap()).allowOnly(ODataQuery.Option.SELECT);
        var details = licences.licencesOf(Authentication.caller(ctx), GraphResponses.tenant(ctx), userIdOrUpn).stream()
                .map(licence -> GraphLicences.LicenseDetails.of(licence, licences.sku(licence.skuId())))
                .toList();
        GraphResponses.ok(
                ctx,
                GraphResponses.collection(
                        ctx,
                        "users('" + userIdOrUpn + "')/licenseDetails",
                        GraphSelect.of(
                                details,
                                GraphLicences.LicenseDetails.class,
                                query.select(),
                                "microsoft.graph.licenseDetails"),
                        null));
    }

    private void respondUser(Context ctx, User user) {
        ODataQuery query =
                ODataQuery.parse(ctx.queryParamMap()).allowOnly(ODataQuery.Option.SELECT, ODataQuery.Option.EXPAND);
        boolean expandMemberOf = expandMemberOf(query);
        List<String> selected = GraphUser.properties(query.select());
        List<LicenceAssignment> held = selected.contains(ASSIGNED_LICENSES)
                ? licences.licencesOf(
                        Authentication.caller(ctx),
                        GraphResponses.tenant(ctx),
                        user.id().toString())
                : List.of();
        Map<String, Object> properties =
                withStates(ctx, user, GraphUser.of(user, held).project(selected, false));
        if (expandMemberOf) {
            properties.put(
                    "memberOf",
                    memberships.memberOf(Authentication.caller(ctx), GraphResponses.tenant(ctx), user, false));
        }
        GraphResponses.ok(ctx, GraphResponses.entity(ctx, usersContext(query.select()) + "/$entity", properties));
    }

    /**
     * Fills {@code licenseAssignmentStates} and {@code assignedPlans} when they were selected, and a guest's
     * {@code creationType}, {@code externalUserState}, {@code externalUserStateChangeDateTime} and {@code otherMails}.
     */
    private Map<String, Object> withStates(Context ctx, User user, Map<String, Object> json) {
        if (user.userType() == UserType.GUEST
                && GraphUser.GUEST_PROPERTIES.stream().anyMatch(json::containsKey)) {
            guests.guestOf(Authentication.caller(ctx), GraphResponses.tenant(ctx), user)
                    .ifPresent(guest -> {
                        // replace, not computeIfPresent: a member's value here is null, which counts as absent
                        Map<String, Object> values = Map.of(
                                "creationType", Guest.CREATION_TYPE,
                                "externalUserState", guest.state().graphName(),
                                "externalUserStateChangeDateTime",
                                        guest.stateChangedAt().toString(),
                                "otherMails", List.of(guest.invitedEmail()));
                        values.forEach((name, value) -> json.replace(name, value));
                    });
        }
        if (json.containsKey(ASSIGNED_PLANS)) {
            json.put(
                    ASSIGNED_PLANS,
                    GraphLicences.AssignedPlan.of(
                            licences.licencesOf(
                                    Authentication.caller(ctx),
                                    GraphResponses.tenant(ctx),
                                    user.id().toString()),
                            licences::sku));
        }
        if (json.containsKey(LICENSE_ASSIGNMENT_STATES)) {
            json.put(
                    LICENSE_ASSIGNMENT_STATES,
                    GraphLicences.LicenseAssignmentState.of(licences.licenceStatesOf(
                            Authentication.caller(ctx),
                            GraphResponses.tenant(ctx),
                            user.id().toString())));
        }
        return json;
    }

    /** {@code $expand=memberOf} is the one expansion users support here. */
    private static boolean expandMemberOf(ODataQuery query) {
        for (String expanded : query.expand()) {
            if (!expanded.equalsIgnoreCase("memberOf")) {
                throw new InvalidRequestException(
                        GraphError.UNSUPPORTED_QUERY_OPTION,
                        "Unsupported $expand '" + expanded + "' on users: only $expand=memberOf is supported.");
            }
        }
        return !query.expand().isEmpty();
    }

    /** {@code /me} is the user of a delegated token; an app-only token has none (compat §5). */
    private static String signedInUser(Context ctx) {
        return GraphMembershipRoutes.signedInUser(ctx);
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
