package dev.tenantry.arm;

import dev.tenantry.access.AccessService;
import dev.tenantry.access.RoleAssignment;
import dev.tenantry.access.RoleDefinition;
import dev.tenantry.access.SubscriptionScope;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.Ids;
import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.shared.NotFoundException;
import dev.tenantry.shared.RequestError;
import dev.tenantry.subscriptions.SubscriptionService;
import dev.tenantry.web.Authentication;
import dev.tenantry.web.Gate;
import dev.tenantry.web.JsonBody;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** ARM's Microsoft.Authorization provider at subscription scope: role definitions and role assignments. */
public final class ArmAuthorizationRoutes {

    private static final String PROVIDER = "/subscriptions/{subscriptionId}/providers/Microsoft.Authorization";
    private static final Pattern EQ_FILTER = Pattern.compile("^\\s*(\\w+)\\s+eq\\s+'([^']*)'\\s*$");

    private final SubscriptionService subscriptions;
    private final AccessService access;

    public ArmAuthorizationRoutes(SubscriptionService subscriptions, AccessService access) {
        this.subscriptions = subscriptions;
        this.access = access;
    }

    public void register(RoutesConfig routes) {
        routes.get(PROVIDER + "/roleDefinitions", this::listDefinitions, Gate.MANAGEMENT);
        routes.get(PROVIDER + "/roleDefinitions/{roleId}", this::getDefinition, Gate.MANAGEMENT);
        routes.get(PROVIDER + "/roleAssignments", this::listAssignments, Gate.MANAGEMENT);
        routes.get(PROVIDER + "/roleAssignments/{name}", this::getAssignment, Gate.MANAGEMENT);
        routes.put(PROVIDER + "/roleAssignments/{name}", this::putAssignment, Gate.MANAGEMENT);
        routes.delete(PROVIDER + "/roleAssignments/{name}", this::deleteAssignment, Gate.MANAGEMENT);
    }

    private SubscriptionScope scope(Context ctx) {
        ArmJson.requireApiVersion(ctx);
        UUID id = Ids.parseUuid(ctx.pathParam("subscriptionId"), "subscription id");
        return subscriptions.scope(Authentication.caller(ctx), id);
    }

    private void listDefinitions(Context ctx) {
        SubscriptionScope scope = scope(ctx);
        String filter = ctx.queryParam("$filter");
        List<RoleDefinition> roles = Arrays.stream(RoleDefinition.values())
                .filter(role -> matches(filter, "roleName", role.roleName()))
                .toList();
        ctx.json(ArmJson.list(
                roles.stream().map(r -> ArmJson.roleDefinition(scope.path(), r)).toList(), null));
    }

    private void getDefinition(Context ctx) {
        SubscriptionScope scope = scope(ctx);
        RoleDefinition role = RoleDefinition.byId(Ids.parseUuid(ctx.pathParam("roleId"), "role definition id"))
                .orElseThrow(() -> new NotFoundException(
                        ArmError.ROLE_DEFINITION_NOT_FOUND,
                        "Role definition '" + ctx.pathParam("roleId") + "' does not exist."));
        ctx.json(ArmJson.roleDefinition(scope.path(), role));
    }

    private void listAssignments(Context ctx) {
        SubscriptionScope scope = scope(ctx);
        String filter = ctx.queryParam("$filter");
        List<Map<String, Object>> items = access.list(Authentication.caller(ctx), scope).stream()
                .filter(a -> matches(filter, "principalId", a.principalId().toString()))
                .map(ArmJson::roleAssignment)
                .toList();
        ctx.json(ArmJson.list(items, null));
    }

    private void getAssignment(Context ctx) {
        SubscriptionScope scope = scope(ctx);
        UUID name = Ids.parseUuid(ctx.pathParam("name"), "role assignment name");
        ctx.json(ArmJson.roleAssignment(access.get(Authentication.caller(ctx), scope, name)));
    }

    private void putAssignment(Context ctx) {
        SubscriptionScope scope = scope(ctx);
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
        SubscriptionScope scope = scope(ctx);
        UUID name = Ids.parseUuid(ctx.pathParam("name"), "role assignment name");
        RoleAssignment removed = access.remove(Authentication.caller(ctx), scope, name);
        ctx.json(ArmJson.roleAssignment(removed));
    }

    /** Honours {@code property eq 'value'} filters on the named property; other filters are not narrowed. */
    private static boolean matches(String filter, String property, String value) {
        if (filter == null || filter.isBlank() || filter.strip().startsWith("atScope()")) {
            return true;
        }
        Matcher eq = EQ_FILTER.matcher(filter);
        if (!eq.matches()) {
            throw new InvalidRequestException(
                    RequestError.UNSUPPORTED_FILTER,
                    "Only $filter=" + property + " eq '…' and atScope() are supported here.");
        }
        return !eq.group(1).equalsIgnoreCase(property) || eq.group(2).equalsIgnoreCase(value);
    }

    record AssignmentProperties(String roleDefinitionId, String principalId, String principalType) {}

    record AssignmentBody(AssignmentProperties properties) {}
}
