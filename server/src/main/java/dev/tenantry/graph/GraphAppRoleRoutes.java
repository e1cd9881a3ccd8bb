package dev.tenantry.graph;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tenantry.directory.apps.AppRole;
import dev.tenantry.directory.apps.AppRoleError;
import dev.tenantry.directory.apps.AppRoleService;
import dev.tenantry.directory.apps.AppRoleService.PrincipalKind;
import dev.tenantry.directory.apps.AssignedAppRole;
import dev.tenantry.directory.apps.RequiredResourceAccess;
import dev.tenantry.directory.users.UserService;
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
import java.util.List;
import java.util.UUID;

/**
 * Graph v1.0 app role assignments of users, groups and service principals (issue 11): a resource's
 * {@code appRoleAssignedTo} and a principal's {@code appRoleAssignments}, and the JSON of {@code appRoles}.
 *
 * @see <a href="https://learn.microsoft.com/graph/api/resources/approleassignment">Graph appRoleAssignment</a>
 */
public final class GraphAppRoleRoutes {

    private final AppRoleService appRoles;
    private final UserService users;

    public GraphAppRoleRoutes(AppRoleService appRoles, UserService users) {
        this.appRoles = appRoles;
        this.users = users;
    }

    public void register(RoutesConfig routes) {
        routes.get("/v1.0/servicePrincipals/{id}/appRoleAssignedTo", this::assignedTo, Gate.GRAPH);
        routes.post("/v1.0/servicePrincipals/{id}/appRoleAssignedTo", this::assignTo, Gate.GRAPH);
        routes.delete("/v1.0/servicePrincipals/{id}/appRoleAssignedTo/{assignmentId}", this::removeTo, Gate.GRAPH);
        for (PrincipalKind kind : List.of(PrincipalKind.USER, PrincipalKind.GROUP, PrincipalKind.SERVICE_PRINCIPAL)) {
            String path = "/v1.0/" + segment(kind) + "/{id}/appRoleAssignments";
            routes.get(path, ctx -> assignmentsOf(ctx, kind), Gate.GRAPH);
            routes.post(path, ctx -> assign(ctx, kind), Gate.GRAPH);
            routes.delete(path + "/{assignmentId}", ctx -> remove(ctx, kind), Gate.GRAPH);
        }
    }

    private static String segment(PrincipalKind kind) {
        return switch (kind) {
            case USER -> "users";
            case GROUP -> "groups";
            case SERVICE_PRINCIPAL -> "servicePrincipals";
        };
    }

    private void assignedTo(Context ctx) {
        ODataQuery.parse(ctx.queryParamMap()).allowOnly();
        List<AssignmentView> items =
                appRoles.assignedTo(Authentication.caller(ctx), GraphResponses.tenant(ctx), id(ctx, "id")).stream()
                        .map(AssignmentView::of)
                        .toList();
        GraphResponses.ok(ctx, GraphResponses.collection(ctx, "appRoleAssignments", items, null));
    }

    /** {@code POST …/appRoleAssignedTo}: the body's {@code resourceId} must be the path's service principal. */
    private void assignTo(Context ctx) {
        AssignRequest body = JsonBody.read(ctx, AssignRequest.class);
        UUID resourceId = id(ctx, "id");
        body.requireSame("resourceId", body.resourceId(), resourceId);
        created(
                ctx,
                "servicePrincipals/" + resourceId + "/appRoleAssignedTo/",
                appRoles.assign(
                        Authentication.caller(ctx),
                        GraphResponses.tenant(ctx),
                        body.uuid("principalId", body.principalId()),
                        null,
                        resourceId,
                        body.uuid("appRoleId", body.appRoleId())));
    }

    private void removeTo(Context ctx) {
        appRoles.remove(
                Authentication.caller(ctx), GraphResponses.tenant(ctx), null, id(ctx, "id"), id(ctx, "assignmentId"));
        GraphResponses.noContent(ctx);
    }

    private void assignmentsOf(Context ctx, PrincipalKind kind) {
        ODataQuery.parse(ctx.queryParamMap()).allowOnly();
        List<AssignmentView> items = appRoles
                .assignmentsOf(Authentication.caller(ctx), GraphResponses.tenant(ctx), principal(ctx, kind), kind)
                .stream()
                .map(AssignmentView::of)
                .toList();
        GraphResponses.ok(ctx, GraphResponses.collection(ctx, "appRoleAssignments", items, null));
    }

    /** {@code POST …/appRoleAssignments} of a principal: the body's {@code principalId} must be the path's. */
    private void assign(Context ctx, PrincipalKind kind) {
        AssignRequest body = JsonBody.read(ctx, AssignRequest.class);
        UUID principalId = principal(ctx, kind);
        body.requireSame("principalId", body.principalId(), principalId);
        created(
                ctx,
                segment(kind) + "/" + principalId + "/appRoleAssignments/",
                appRoles.assign(
                        Authentication.caller(ctx),
                        GraphResponses.tenant(ctx),
                        principalId,
                        kind,
                        body.uuid("resourceId", body.resourceId()),
                        body.uuid("appRoleId", body.appRoleId())));
    }

    private void remove(Context ctx, PrincipalKind kind) {
        appRoles.remove(
                Authentication.caller(ctx),
                GraphResponses.tenant(ctx),
                principal(ctx, kind),
                null,
                id(ctx, "assignmentId"));
        GraphResponses.noContent(ctx);
    }

    private static void created(Context ctx, String path, AssignedAppRole assigned) {
        ctx.header(
                "Location",
                BaseUrl.of(ctx) + "/v1.0/" + path + assigned.assignment().id());
        GraphResponses.write(ctx, 201, AssignmentView.of(assigned));
    }

    /** The path's principal: a user may be named by its user principal name, as everywhere in Graph. */
    private UUID principal(Context ctx, PrincipalKind kind) {
        if (kind == PrincipalKind.USER) {
            return users.getUser(Authentication.caller(ctx), GraphResponses.tenant(ctx), ctx.pathParam("id"))
                    .id()
                    .value();
        }
        return id(ctx, "id");
    }

    private static UUID id(Context ctx, String name) {
        return Ids.parseUuid(ctx.pathParam(name), name);
    }

    /** Graph's appRoleAssignment. */
    record AssignmentView(
            String id,
            String deletedDateTime,
            String appRoleId,
            String createdDateTime,
            String principalDisplayName,
            String principalId,
            String principalType,
            String resourceDisplayName,
            String resourceId) {

        static AssignmentView of(AssignedAppRole assigned) {
            var assignment = assigned.assignment();
            return new AssignmentView(
                    assignment.id().toString(),
                    null,
                    assignment.appRoleId().toString(),
                    assignment.createdAt().toString(),
                    assigned.principalDisplayName(),
                    assignment.principalId().toString(),
                    assigned.principalType(),
                    assigned.resourceDisplayName(),
                    assignment.resourceId().toString());
        }
    }

    /** The body of both POSTs: {@code principalId}, {@code resourceId}, {@code appRoleId}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record AssignRequest(String principalId, String resourceId, String appRoleId) {

        UUID uuid(String name, String value) {
            if (value == null || value.isBlank()) {
                throw new InvalidRequestException(
                        RequestError.MISSING_FIELD,
                        "An app role assignment needs '" + name + "' (principalId, resourceId and appRoleId).",
                        name);
            }
            return Ids.parseUuid(value, name);
        }

        /** A property the path already names may be left out, but not differ. */
        void requireSame(String name, String value, UUID fromPath) {
            if (value != null && !value.isBlank() && !Ids.parseUuid(value, name).equals(fromPath)) {
                throw new InvalidRequestException(
                        AppRoleError.APP_ROLE_NOT_ASSIGNABLE,
                        "'" + name + "' of the body (" + value + ") differs from the id in the URL (" + fromPath + ").",
                        name);
            }
        }
    }

    /** Graph's appRole JSON, with {@code origin} always {@code Application}. */
    record AppRoleView(
            List<String> allowedMemberTypes,
            String description,
            String displayName,
            String id,
            boolean isEnabled,
            String origin,
            String value) {

        static AppRoleView of(AppRole role) {
            return new AppRoleView(
                    role.allowedMemberTypes().stream()
                            .map(AppRole.MemberType::graphName)
                            .toList(),
                    role.description(),
                    role.displayName(),
                    role.id().toString(),
                    role.isEnabled(),
                    "Application",
                    role.value());
        }
    }

    /**
     * The {@code appRoles} of a POST or PATCH body, null when it sends none; a malformed entry is a 400 naming the
     * property. {@code isEnabled} defaults to true, as in Graph; {@code origin}, if sent, must be {@code Application}.
     */
    static List<AppRole> parseAppRoles(JsonNode body) {
        JsonNode roles = body.get("appRoles");
        if (roles == null) {
            return null;
        }
        if (roles.isNull()) {
            return List.of();
        }
        if (!roles.isArray()) {
            throw invalid("appRoles must be an array of appRole objects.", "appRoles");
        }
        List<AppRole> out = new ArrayList<>();
        for (JsonNode role : roles) {
            if (!role.isObject()) {
                throw invalid("appRoles must be an array of appRole objects.", "appRoles");
            }
            JsonNode id = role.get("id");
            if (id == null || !id.isTextual()) {
                throw invalid("Each app role needs an 'id', a new GUID chosen by the client.", "appRoles.id");
            }
            JsonNode origin = role.get("origin");
            if (origin != null && !origin.isNull() && !"Application".equals(origin.asText())) {
                throw invalid(
                        "appRoles.origin is read-only; it is 'Application' for roles of an application.",
                        "appRoles.origin");
            }
            JsonNode enabled = role.get("isEnabled");
            if (enabled != null && !enabled.isNull() && !enabled.isBoolean()) {
                throw invalid("appRoles.isEnabled must be true or false.", "appRoles.isEnabled");
            }
            out.add(new AppRole(
                    Ids.parseUuid(id.asText(), "appRoles.id"),
                    memberTypes(role.get("allowedMemberTypes")),
                    text(role, "description"),
                    text(role, "displayName"),
                    enabled == null || enabled.isNull() || enabled.asBoolean(),
                    text(role, "value")));
        }
        return out;
    }

    /** Graph's requiredResourceAccess JSON. */
    record RequiredAccessView(List<AccessView> resourceAccess, String resourceAppId) {

        /** One {@code resourceAccess} entry. */
        record AccessView(String id, String type) {}

        static RequiredAccessView of(RequiredResourceAccess access) {
            return new RequiredAccessView(
                    access.resourceAccess().stream()
                            .map(a -> new AccessView(a.id().toString(), a.type().name()))
                            .toList(),
                    access.resourceAppId().toString());
        }
    }

    /** The {@code requiredResourceAccess} of a POST or PATCH body, null when it sends none; malformed is a 400. */
    static List<RequiredResourceAccess> parseRequiredResourceAccess(JsonNode body) {
        JsonNode list = body.get("requiredResourceAccess");
        if (list == null) {
            return null;
        }
        if (list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw invalidAccess("requiredResourceAccess must be an array.", "requiredResourceAccess");
        }
        List<RequiredResourceAccess> out = new ArrayList<>();
        for (JsonNode resource : list) {
            JsonNode appId = resource.get("resourceAppId");
            if (appId == null || !appId.isTextual()) {
                throw invalidAccess(
                        "requiredResourceAccess.resourceAppId is required: the client id (appId) of the resource.",
                        "requiredResourceAccess.resourceAppId");
            }
            JsonNode entries = resource.get("resourceAccess");
            if (entries != null && !entries.isNull() && !entries.isArray()) {
                throw invalidAccess(
                        "requiredResourceAccess.resourceAccess must be an array of {id, type}.",
                        "requiredResourceAccess.resourceAccess");
            }
            List<RequiredResourceAccess.Access> access = new ArrayList<>();
            Iterable<JsonNode> items = entries == null || entries.isNull() ? List.of() : entries;
            for (JsonNode entry : items) {
                JsonNode id = entry.get("id");
                JsonNode type = entry.get("type");
                if (id == null || !id.isTextual()) {
                    throw invalidAccess(
                            "requiredResourceAccess.resourceAccess.id is required: the id of the permission.",
                            "requiredResourceAccess.resourceAccess.id");
                }
                if (type == null
                        || !("Scope".equals(type.asText()) || "Role".equals(type.asText()))
                        || !type.isTextual()) {
                    throw invalidAccess(
                            "requiredResourceAccess.resourceAccess.type must be 'Scope' (a delegated permission) or"
                                    + " 'Role' (an application permission).",
                            "requiredResourceAccess.resourceAccess.type");
                }
                access.add(new RequiredResourceAccess.Access(
                        Ids.parseUuid(id.asText(), "requiredResourceAccess.resourceAccess.id"),
                        RequiredResourceAccess.Type.valueOf(type.asText())));
            }
            out.add(new RequiredResourceAccess(
                    Ids.parseUuid(appId.asText(), "requiredResourceAccess.resourceAppId"), access));
        }
        return out;
    }

    private static InvalidRequestException invalidAccess(String message, String field) {
        return new InvalidRequestException(AppRoleError.INVALID_REQUIRED_RESOURCE_ACCESS, message, field);
    }

    private static List<AppRole.MemberType> memberTypes(JsonNode types) {
        if (types == null || types.isNull()) {
            return List.of();
        }
        if (!types.isArray()) {
            throw invalid(
                    "appRoles.allowedMemberTypes must be an array: [\"User\"], [\"Application\"] or both.",
                    "appRoles.allowedMemberTypes");
        }
        List<AppRole.MemberType> out = new ArrayList<>();
        for (JsonNode type : types) {
            AppRole.MemberType match = null;
            for (AppRole.MemberType candidate : AppRole.MemberType.values()) {
                if (candidate.graphName().equals(type.asText())) {
                    match = candidate;
                }
            }
            if (match == null || !type.isTextual()) {
                throw invalid(
                        "appRoles.allowedMemberTypes value '" + type.asText() + "' is not valid: use \"User\" or"
                                + " \"Application\".",
                        "appRoles.allowedMemberTypes");
            }
            out.add(match);
        }
        return out;
    }

    private static String text(JsonNode role, String name) {
        JsonNode value = role.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw invalid("appRoles." + name + " must be a string.", "appRoles." + name);
        }
        return value.asText();
    }

    private static InvalidRequestException invalid(String message, String field) {
        return new InvalidRequestException(AppRoleError.INVALID_APP_ROLE, message, field);
    }
}
