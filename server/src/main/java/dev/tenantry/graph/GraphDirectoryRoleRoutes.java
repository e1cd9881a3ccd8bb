package dev.tenantry.graph;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tenantry.directory.DirectoryRole;
import dev.tenantry.directory.DirectoryRoleTemplate;
import dev.tenantry.directory.roles.DirectoryRoleService;
import dev.tenantry.shared.Ids;
import dev.tenantry.shared.UserId;
import dev.tenantry.web.Authentication;
import dev.tenantry.web.BaseUrl;
import dev.tenantry.web.Gate;
import dev.tenantry.web.JsonBody;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Graph v1.0 directory roles: the activated roles, their members and {@code members/$ref}, and the built-in role
 * templates. Roles are found by object id, by template id, or by Graph's alternate key
 * {@code directoryRoles(roleTemplateId='…')}.
 *
 * @see <a href="https://learn.microsoft.com/graph/api/resources/directoryrole">Graph directoryRole resource</a>
 */
public final class GraphDirectoryRoleRoutes {

    private final DirectoryRoleService directoryRoles;

    public GraphDirectoryRoleRoutes(DirectoryRoleService directoryRoles) {
        this.directoryRoles = directoryRoles;
    }

    public void register(RoutesConfig routes) {
        routes.get("/v1.0/directoryRoles", this::list, Gate.GRAPH);
        routes.post("/v1.0/directoryRoles", this::activate, Gate.GRAPH);
        routes.get("/v1.0/directoryRoles/{id}", this::get, Gate.GRAPH);
        routes.get("/v1.0/directoryRoles(roleTemplateId='{templateId}')", this::getByTemplate, Gate.GRAPH);
        routes.get("/v1.0/directoryRoles/{id}/members", this::members, Gate.GRAPH);
        routes.post("/v1.0/directoryRoles/{id}/members/$ref", this::addMember, Gate.GRAPH);
        routes.delete("/v1.0/directoryRoles/{id}/members/{userId}/$ref", this::removeMember, Gate.GRAPH);
        routes.get("/v1.0/directoryRoleTemplates", this::templates, Gate.GRAPH);
    }

    private void list(Context ctx) {
        ODataQuery.parse(ctx.queryParamMap()).allowOnly();
        List<?> roles = directoryRoles.activatedRoles(Authentication.caller(ctx), GraphResponses.tenant(ctx)).stream()
                .map(GraphDirectoryRole::of)
                .toList();
        GraphResponses.ok(ctx, GraphResponses.collection(ctx, "directoryRoles", roles, null));
    }

    private void get(Context ctx) {
        ODataQuery.parse(ctx.queryParamMap()).allowOnly();
        DirectoryRole role =
                directoryRoles.getRole(Authentication.caller(ctx), GraphResponses.tenant(ctx), roleId(ctx));
        GraphResponses.ok(
                ctx,
                GraphResponses.entity(
                        ctx,
                        "directoryRoles/$entity",
                        GraphDirectoryRole.of(role).typed()));
    }

    private void getByTemplate(Context ctx) {
        ODataQuery.parse(ctx.queryParamMap()).allowOnly();
        DirectoryRole role = directoryRoles.getRole(
                Authentication.caller(ctx), GraphResponses.tenant(ctx), ctx.pathParam("templateId"));
        GraphResponses.ok(
                ctx,
                GraphResponses.entity(
                        ctx,
                        "directoryRoles/$entity",
                        GraphDirectoryRole.of(role).typed()));
    }

    private void activate(Context ctx) {
        ActivateRequest body = JsonBody.read(ctx, ActivateRequest.class);
        UUID templateId = Ids.parseUuid(body.roleTemplateId(), "roleTemplateId");
        DirectoryRole role =
                directoryRoles.activateRole(Authentication.caller(ctx), GraphResponses.tenant(ctx), templateId);
        ctx.header("Location", BaseUrl.of(ctx) + "/v1.0/directoryRoles/" + role.id());
        GraphResponses.write(
                ctx,
                201,
                GraphResponses.entity(
                        ctx,
                        "directoryRoles/$entity",
                        GraphDirectoryRole.of(role).typed()));
    }

    private void members(Context ctx) {
        ODataQuery.parse(ctx.queryParamMap()).allowOnly();
        List<?> members =
                directoryRoles.roleMembers(Authentication.caller(ctx), GraphResponses.tenant(ctx), roleId(ctx)).stream()
                        .map(user -> GraphUser.of(user).project(GraphUser.properties(List.of()), true))
                        .toList();
        GraphResponses.ok(ctx, GraphResponses.collection(ctx, "directoryObjects", members, null));
    }

    private void addMember(Context ctx) {
        ReferenceRequest body = JsonBody.read(ctx, ReferenceRequest.class);
        directoryRoles.addRoleMember(
                Authentication.caller(ctx), GraphResponses.tenant(ctx), roleId(ctx), referencedUser(body.odataId()));
        GraphResponses.noContent(ctx);
    }

    private void removeMember(Context ctx) {
        UserId user = UserId.parse(ctx.pathParam("userId"));
        directoryRoles.removeRoleMember(Authentication.caller(ctx), GraphResponses.tenant(ctx), roleId(ctx), user);
        GraphResponses.noContent(ctx);
    }

    private void templates(Context ctx) {
        ODataQuery.parse(ctx.queryParamMap()).allowOnly();
        List<?> templates = Arrays.stream(DirectoryRoleTemplate.values())
                .map(GraphDirectoryRoleRoutes::template)
                .toList();
        GraphResponses.ok(ctx, GraphResponses.collection(ctx, "directoryRoleTemplates", templates, null));
    }

    /** The role's object id or, as the service also accepts, its template id. */
    private static String roleId(Context ctx) {
        return ctx.pathParam("id");
    }

    /** The user id at the end of an {@code @odata.id} such as {@code https://graph.microsoft.com/v1.0/directoryObjects/{id}}. */
    private static UserId referencedUser(String odataId) {
        String text = odataId == null ? "" : odataId.replaceAll("/+$", "");
        return UserId.parse(text.substring(text.lastIndexOf('/') + 1));
    }

    private static TemplateView template(DirectoryRoleTemplate template) {
        return new TemplateView(template.templateId().toString(), null, template.description(), template.displayName());
    }

    /** {@code POST /directoryRoles} body. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ActivateRequest(String roleTemplateId) {}

    /** A {@code $ref} body: {@code {"@odata.id": "…/directoryObjects/{id}"}}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ReferenceRequest(@JsonProperty("@odata.id") String odataId) {}

    /** A directory role template on the wire. */
    record TemplateView(String id, String deletedDateTime, String description, String displayName) {}
}
