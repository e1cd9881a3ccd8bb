package dev.tenantry.arm;

import dev.tenantry.access.AccessService;
import dev.tenantry.access.RoleAssignment;
import dev.tenantry.access.RoleDefinition;
import dev.tenantry.directory.Tenant;
import dev.tenantry.shared.Ids;
import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.shared.RequestError;
import dev.tenantry.subscriptions.CloudSubscription;
import dev.tenantry.subscriptions.Offer;
import dev.tenantry.subscriptions.ResourceGroup;
import dev.tenantry.web.BaseUrl;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** ARM's wire shapes for subscriptions, tenants, role definitions and assignments, and resource groups. */
final class ArmJson {

    private static final DateTimeFormatter ARM_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final Instant BUILT_IN_ROLES_CREATED = Instant.parse("2015-02-02T21:55:09.880Z");

    private ArmJson() {}

    static String base(Context ctx) {
        return BaseUrl.of(ctx);
    }

    /** ARM requires {@code api-version} on every call. */
    static void requireApiVersion(Context ctx) {
        String version = ctx.queryParam("api-version");
        if (version == null || version.isBlank()) {
            throw new InvalidRequestException(
                    ArmError.MISSING_API_VERSION,
                    "The api-version query parameter (?api-version=) is required for all requests.");
        }
    }

    /**
     * Refuses a query option the route does not honour ({@code api-version} always is): a 400 naming it, never an
     * answer that ignores it (for routes {@link ArmQueryOptions}' table does not cover).
     */
    static void requireKnownOptions(Context ctx, Set<String> honoured) {
        ArmQueryOptions.refuseOthers(ctx.queryParamMap(), honoured);
    }

    /** Checks {@code api-version} and refuses every query option but it and {@code honoured}. */
    static void requireOnlyOptions(Context ctx, Set<String> honoured) {
        requireApiVersion(ctx);
        requireKnownOptions(ctx, honoured);
    }

    static Map<String, Object> list(List<?> items, String nextLink) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("value", items);
        if (nextLink != null) {
            page.put("nextLink", nextLink);
        }
        return page;
    }

    static Map<String, Object> subscription(CloudSubscription subscription, Offer offer) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", "/subscriptions/" + subscription.id());
        json.put("authorizationSource", "RoleBased");
        json.put("managedByTenants", List.of());
        json.put("tags", Map.of());
        json.put("subscriptionId", subscription.id().toString());
        json.put("tenantId", subscription.tenantId().toString());
        json.put("displayName", subscription.displayName());
        json.put("state", subscription.state().armName());
        json.put(
                "subscriptionPolicies",
                Map.of(
                        "locationPlacementId", "Public_2014-09-01",
                        "quotaId", offer == null ? "Default" : offer.quotaId(),
                        "spendingLimit", offer == null ? "Off" : offer.spendingLimit()));
        return json;
    }

    static Map<String, Object> tenant(Tenant tenant) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", "/tenants/" + tenant.id());
        json.put("tenantId", tenant.id().toString());
        json.put("countryCode", tenant.countryCode());
        json.put("displayName", tenant.displayName());
        json.put("domains", List.of(tenant.initialDomain()));
        json.put("tenantCategory", "Home");
        json.put("defaultDomain", tenant.initialDomain());
        json.put("tenantType", "AAD");
        json.put("tenantBrandingLogoUrl", null);
        return json;
    }

    static Map<String, Object> roleDefinition(String scope, RoleDefinition role) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("roleName", role.roleName());
        properties.put("type", "BuiltInRole");
        properties.put("description", role.description());
        properties.put("assignableScopes", List.of("/"));
        properties.put("permissions", List.of(permission(role)));
        properties.put("createdOn", ARM_TIME.format(BUILT_IN_ROLES_CREATED));
        properties.put("updatedOn", ARM_TIME.format(BUILT_IN_ROLES_CREATED));
        properties.put("createdBy", null);
        properties.put("updatedBy", null);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("properties", properties);
        json.put("id", roleDefinitionId(scope, role));
        json.put("type", "Microsoft.Authorization/roleDefinitions");
        json.put("name", role.id().toString());
        return json;
    }

    static String roleDefinitionId(String scope, RoleDefinition role) {
        return scope + "/providers/Microsoft.Authorization/roleDefinitions/" + role.id();
    }

    static Map<String, Object> roleAssignment(RoleAssignment assignment) {
        Map<String, Object> properties = new LinkedHashMap<>();
        // ARM names a built-in role by its subscription-level id, whatever the assignment's scope
        properties.put(
                "roleDefinitionId",
                roleDefinitionId("/subscriptions/" + assignment.subscriptionId(), assignment.role()));
        properties.put("principalId", assignment.principalId().toString());
        properties.put("principalType", assignment.principalType().armName());
        properties.put("scope", assignment.scope());
        properties.put("condition", null);
        properties.put("conditionVersion", null);
        properties.put("createdOn", ARM_TIME.format(assignment.createdAt()));
        properties.put("updatedOn", ARM_TIME.format(assignment.createdAt()));
        properties.put(
                "createdBy",
                assignment.createdBy() == null ? null : assignment.createdBy().toString());
        properties.put(
                "updatedBy",
                assignment.createdBy() == null ? null : assignment.createdBy().toString());
        properties.put("delegatedManagedIdentityResourceId", null);
        properties.put("description", null);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("properties", properties);
        json.put("id", AccessService.idOf(assignment));
        json.put("type", "Microsoft.Authorization/roleAssignments");
        json.put("name", assignment.id().toString());
        return json;
    }

    /** One entry of ARM's {@code Microsoft.Authorization/permissions}: what a role lets its holder do. */
    static Map<String, Object> permission(RoleDefinition role) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("actions", role.actions());
        json.put("notActions", role.notActions());
        json.put("dataActions", role.dataActions());
        json.put("notDataActions", role.notDataActions());
        return json;
    }

    static Map<String, Object> resourceGroup(ResourceGroup group) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", "/subscriptions/" + group.subscriptionId() + "/resourceGroups/" + group.name());
        json.put("name", group.name());
        json.put("type", "Microsoft.Resources/resourceGroups");
        json.put("location", group.location());
        json.put("tags", group.tags());
        json.put("properties", Map.of("provisioningState", "Succeeded"));
        return json;
    }

    /** The role definition GUID at the end of an ARM role definition id (or a bare GUID). */
    static UUID roleDefinitionGuid(String roleDefinitionId) {
        if (roleDefinitionId == null || roleDefinitionId.isBlank()) {
            throw new InvalidRequestException(
                    RequestError.MISSING_FIELD,
                    "'properties.roleDefinitionId' is required, such as "
                            + "/subscriptions/{id}/providers/Microsoft.Authorization/roleDefinitions/{roleId}.");
        }
        String last = roleDefinitionId.substring(roleDefinitionId.lastIndexOf('/') + 1);
        return Ids.parseUuid(last, "role definition id");
    }
}
