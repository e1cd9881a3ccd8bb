package dev.tenantry.arm;

import dev.tenantry.access.AccessScope;
import dev.tenantry.access.AccessService;
import dev.tenantry.access.RoleAssignment;
import dev.tenantry.access.RoleDefinition;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.Ids;
import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.shared.NotFoundException;
import dev.tenantry.shared.RequestError;
import dev.tenantry.subscriptions.ResourceGroupService;
import dev.tenantry.subscriptions.SubscriptionService;
import dev.tenantry.web.Authentication;
import dev.tenantry.web.Gate;
import dev.tenantry.web.JsonBody;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ARM's Microsoft.Authorization provider at subscription and resource-group scope: role definitions, role assignments
 * (with ARM's {@code $filter}s) and the caller's permissions.
 */
public final class ArmAuthorizationRoutes {

    private static final String SUBSCRIPTION = "/subscriptions/{subscriptionId}";
    private static final String PROVIDER = "/providers/Microsoft.Authorization";
    private static final Pattern EQ_FILTER = Pattern.compile("^\\s*(\\w+)\\s+eq\\s+'([^']*)'\\s*$");
    private static final Set<String> FILTERED = Set.of("$filter");
    private static final Set<String> LISTED = Set.of("$filter", "tenantId");

    private final SubscriptionService subscriptions;
    private final ResourceGroupService resourceGroups;
    private final AccessService access;

    public ArmAuthorizationRoutes(
            SubscriptionService subscriptions, ResourceGroupService resourceGroups, AccessService access) {
        this.subscriptions = subscriptions;
        this.resourceGroups = resourceGroups;
        this.access = access;
    }

    public void register(RoutesConfig routes) {
        for (String scope : List.of(
                SUBSCRIPTION,
                SUBSCRIPTION + "/resourceGroups/{resourceGroup}",
                SUBSCRIPTION + "/resourcegroups/{resourceGroup}")) {
            String provider = scope + PROVIDER;
            routes.get(provider + "/roleDefinitions", this::listDefinitions, Gate.MANAGEMENT);
            routes.get(provider + "/roleDefinitions/{roleId}", this::getDefinition, Gate.MANAGEMENT);
            routes.get(provider + "/roleAssignments", this::listAssignments, Gate.MANAGEMENT);
            routes.get(provider + "/roleAssignments/{name}", this::getAssignment, Gate.MANAGEMENT);
            routes.put(provider + "/roleAssignments/{name}", this::putAssignment, Gate.MANAGEMENT);
            routes.delete(provider + "/roleAssignments/{name}", this::deleteAssignment, Gate.MANAGEMENT);
            routes.get(provider + "/permissions", this::permissions, Gate.MANAGEMENT);
        }
    }

    /** The scope the path names, after the query options are checked: a subscription or one of its groups. */
    private AccessScope scope(Context ctx, Set<String> honoured) {
        ArmJson.requireApiVersion(ctx);
        ArmJson.requireKnownOptions(ctx, honoured);
        Caller caller = Authentication.caller(ctx);
        UUID id = Ids.parseUuid(ctx.pathParam("subscriptionId"), "subscription id");
        String group = ctx.pathParamMap().get("resourceGroup");
        return group == null ? subscriptions.scope(caller, id) : resourceGroups.scope(caller, id, group);
    }

    private void listDefinitions(Context ctx) {
        AccessScope scope = scope(ctx, FILTERED);
        String filter = ctx.queryParam("$filter");
        List<RoleDefinition> roles = Arrays.stream(RoleDefinition.values())
                .filter(role -> matchesDefinition(filter, role.roleName()))
                .toList();
        ctx.json(ArmJson.list(
                roles.stream()
                        .map(r -> ArmJson.roleDefinition(scope.subscription().path(), r))
                        .toList(),
                null));
    }

    private void getDefinition(Context ctx) {
        AccessScope scope = scope(ctx, Set.of());
        RoleDefinition role = RoleDefinition.byId(Ids.parseUuid(ctx.pathParam("roleId"), "role definition id"))
                .orElseThrow(() -> new NotFoundException(
                        ArmError.ROLE_DEFINITION_NOT_FOUND,
                        "Role definition '" + ctx.pathParam("roleId") + "' does not exist."));
        ctx.json(ArmJson.roleDefinition(scope.subscription().path(), role));
    }

    private void listAssignments(Context ctx) {
        AccessScope scope = scope(ctx, LISTED);
        var filter = ArmRoleAssignmentFilter.parse(ctx.queryParam("$filter"));
        requireOwnTenant(ctx, scope);
        List<Map<String, Object>> items = access.list(Authentication.caller(ctx), scope, filter).stream()
                .map(ArmJson::roleAssignment)
                .toList();
        ctx.json(ArmJson.list(items, null));
    }

    private void getAssignment(Context ctx) {
        AccessScope scope = scope(ctx, Set.of());
        UUID name = Ids.parseUuid(ctx.pathParam("name"), "role assignment name");
        ctx.json(ArmJson.roleAssignment(access.get(Authentication.caller(ctx), scope, name)));
    }

    private void putAssignment(Context ctx) {
        AccessScope scope = scope(ctx, Set.of());
        Caller caller = Authentication.caller(ctx);
        UUID name = Ids.parseUuid(ctx.pathParam("name"), "role assignment name");
        AssignmentBody body = JsonBody.read(ctx, AssignmentBody.class);
        if (body.properties() == null || body.properties().principalId() == null) {
            throw new InvalidRequestException(
                    RequestError.MISSING_FIELD, "Send {\"properties\":{\"roleDefinitionId\":…,\"principalId\":…}}.");
        }
        RoleDefinition role = RoleDefinition.byId(
                        ArmJson.roleDefinitionGuid(body.properties().roleDefinitionId()))
                .orElseThrow(() -> new InvalidRequestException(
                        ArmError.INVALID_ROLE_DEFINITION,
                        "The role definition '" + body.properties().roleDefinitionId() + "' does not exist."));
        UUID principal = Ids.parseUuid(body.properties().principalId(), "principal id");
        AccessService.Assigned assigned = access.assign(caller, scope, name, role, principal);
        ctx.status(assigned.created() ? 201 : 200).json(ArmJson.roleAssignment(assigned.assignment()));
    }

    private void deleteAssignment(Context ctx) {
        AccessScope scope = scope(ctx, Set.of());
        UUID name = Ids.parseUuid(ctx.pathParam("name"), "role assignment name");
        RoleAssignment removed = access.remove(Authentication.caller(ctx), scope, name);
        ctx.json(ArmJson.roleAssignment(removed));
    }

    /** What the caller may do here: one entry per role assignment that applies to it at the scope, as ARM answers. */
    private void permissions(Context ctx) {
        AccessScope scope = scope(ctx, Set.of());
        List<Map<String, Object>> items = access.permissions(Authentication.caller(ctx), scope).stream()
                .map(ArmJson::permission)
                .toList();
        ctx.json(ArmJson.list(items, null));
    }

    /** {@code tenantId} asks for a cross-tenant list; only the subscription's own directory is answered here. */
    private static void requireOwnTenant(Context ctx, AccessScope scope) {
        String tenant = ctx.queryParam("tenantId");
        if (tenant != null && !tenant.equalsIgnoreCase(scope.tenantId().toString())) {
            throw new InvalidRequestException(
                    ArmError.UNSUPPORTED_QUERY_PARAMETER,
                    "tenantId '" + tenant + "' is not the directory of this subscription; cross-tenant lists are not "
                            + "supported.");
        }
    }

    /**
     * Honours {@code roleName eq '…'}, {@code type eq '…'} (every role here is a {@code BuiltInRole}) and
     * {@code atScope()} (built-in roles are assignable everywhere); any other filter is refused.
     */
    private static boolean matchesDefinition(String filter, String roleName) {
        if (filter == null || filter.isBlank() || filter.strip().equalsIgnoreCase("atScope()")) {
            return true;
        }
        Matcher eq = EQ_FILTER.matcher(filter);
        if (eq.matches() && eq.group(1).equalsIgnoreCase("roleName")) {
            return eq.group(2).equalsIgnoreCase(roleName);
        }
        if (eq.matches() && eq.group(1).equalsIgnoreCase("type")) {
            return eq.group(2).equalsIgnoreCase("BuiltInRole");
        }
        throw new InvalidRequestException(
                RequestError.UNSUPPORTED_FILTER,
                "Only $filter=roleName eq '…', type eq '…' or atScope() is supported on role definitions.");
    }

    record AssignmentProperties(String roleDefinitionId, String principalId, String principalType) {}

    record AssignmentBody(AssignmentProperties properties) {}
}
