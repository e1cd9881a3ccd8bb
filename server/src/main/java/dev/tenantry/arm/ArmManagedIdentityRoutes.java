package dev.tenantry.arm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.tenantry.shared.Ids;
import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.subscriptions.ComputeHost;
import dev.tenantry.subscriptions.ComputeHostService;
import dev.tenantry.subscriptions.ManagedIdentity;
import dev.tenantry.subscriptions.ManagedIdentityError;
import dev.tenantry.subscriptions.ManagedIdentityService;
import dev.tenantry.web.Authentication;
import dev.tenantry.web.Gate;
import dev.tenantry.web.JsonBody;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * ARM's user-assigned managed identities ({@code Microsoft.ManagedIdentity/userAssignedIdentities}) and Tenantry's
 * compute hosts ({@code Tenantry.Compute/hosts}) with ARM's {@code identity} block, which is how a host gets a
 * system-assigned identity and uses user-assigned ones (issue 11). Reads take no query option but
 * {@code api-version}. A DELETE of what does not exist answers 204, as ARM answers for resources.
 *
 * @see <a href="https://learn.microsoft.com/rest/api/managedidentity/user-assigned-identities">User Assigned
 *     Identities REST API</a>
 */
public final class ArmManagedIdentityRoutes {

    private final ManagedIdentityService identities;
    private final ComputeHostService hosts;

    public ArmManagedIdentityRoutes(ManagedIdentityService identities, ComputeHostService hosts) {
        this.identities = identities;
        this.hosts = hosts;
    }

    public void register(RoutesConfig routes) {
        String subscription = "/subscriptions/{subscriptionId}";
        routes.get(
                subscription + "/providers/" + ManagedIdentity.USER_ASSIGNED_TYPE,
                this::listInSubscription,
                Gate.MANAGEMENT);
        routes.get(subscription + "/providers/" + ComputeHost.TYPE, this::listHostsInSubscription, Gate.MANAGEMENT);
        for (String segment : new String[] {"resourcegroups", "resourceGroups"}) {
            String group = subscription + "/" + segment + "/{resourceGroup}/providers/";
            String identity = group + ManagedIdentity.USER_ASSIGNED_TYPE;
            routes.get(identity, this::listInGroup, Gate.MANAGEMENT);
            routes.get(identity + "/{name}", this::get, Gate.MANAGEMENT);
            routes.put(identity + "/{name}", this::put, Gate.MANAGEMENT);
            routes.delete(identity + "/{name}", this::delete, Gate.MANAGEMENT);
            String host = group + ComputeHost.TYPE;
            routes.get(host, this::listHostsInGroup, Gate.MANAGEMENT);
            routes.get(host + "/{name}", this::getHost, Gate.MANAGEMENT);
            routes.put(host + "/{name}", this::putHost, Gate.MANAGEMENT);
            routes.delete(host + "/{name}", this::deleteHost, Gate.MANAGEMENT);
        }
    }

    private static UUID subscription(Context ctx) {
        ArmJson.requireOnlyOptions(ctx, Set.of());
        return Ids.parseUuid(ctx.pathParam("subscriptionId"), "subscription id");
    }

    private void listInSubscription(Context ctx) {
        UUID subscription = subscription(ctx);
        var items = identities.list(Authentication.caller(ctx), subscription, null).stream()
                .map(ArmManagedIdentityRoutes::identity)
                .toList();
        ctx.json(ArmJson.list(items, null));
    }

    private void listInGroup(Context ctx) {
        UUID subscription = subscription(ctx);
        var items = identities.list(Authentication.caller(ctx), subscription, ctx.pathParam("resourceGroup")).stream()
                .map(ArmManagedIdentityRoutes::identity)
                .toList();
        ctx.json(ArmJson.list(items, null));
    }

    private void get(Context ctx) {
        UUID subscription = subscription(ctx);
        ctx.json(identity(identities.get(
                Authentication.caller(ctx), subscription, ctx.pathParam("resourceGroup"), ctx.pathParam("name"))));
    }

    private void put(Context ctx) {
        UUID subscription = subscription(ctx);
        ResourceBody body = JsonBody.read(ctx, ResourceBody.class);
        if (body.identity() != null) {
            throw new InvalidRequestException(
                    ManagedIdentityError.INVALID_IDENTITY,
                    "A user-assigned identity has no 'identity' of its own; send 'location' and 'tags'.");
        }
        ManagedIdentityService.Saved saved = identities.createOrUpdate(
                Authentication.caller(ctx),
                subscription,
                ctx.pathParam("resourceGroup"),
                ctx.pathParam("name"),
                body.location(),
                body.tags());
        ctx.status(saved.created() ? 201 : 200).json(identity(saved.identity()));
    }

    private void delete(Context ctx) {
        UUID subscription = subscription(ctx);
        boolean deleted = identities.delete(
                Authentication.caller(ctx), subscription, ctx.pathParam("resourceGroup"), ctx.pathParam("name"));
        ctx.status(deleted ? 200 : 204);
    }

    private void listHostsInSubscription(Context ctx) {
        UUID subscription = subscription(ctx);
        var items = hosts.list(Authentication.caller(ctx), subscription, null).stream()
                .map(ArmManagedIdentityRoutes::host)
                .toList();
        ctx.json(ArmJson.list(items, null));
    }

    private void listHostsInGroup(Context ctx) {
        UUID subscription = subscription(ctx);
        var items = hosts.list(Authentication.caller(ctx), subscription, ctx.pathParam("resourceGroup")).stream()
                .map(ArmManagedIdentityRoutes::host)
                .toList();
        ctx.json(ArmJson.list(items, null));
    }

    private void getHost(Context ctx) {
        UUID subscription = subscription(ctx);
        ctx.json(host(hosts.get(
                Authentication.caller(ctx), subscription, ctx.pathParam("resourceGroup"), ctx.pathParam("name"))));
    }

    private void putHost(Context ctx) {
        UUID subscription = subscription(ctx);
        ResourceBody body = JsonBody.read(ctx, ResourceBody.class);
        ComputeHostService.Saved saved = hosts.createOrUpdate(
                Authentication.caller(ctx),
                subscription,
                ctx.pathParam("resourceGroup"),
                ctx.pathParam("name"),
                body.location(),
                body.tags(),
                identityRequest(body.identity()));
        ctx.status(saved.created() ? 201 : 200).json(host(saved.host()));
    }

    private void deleteHost(Context ctx) {
        UUID subscription = subscription(ctx);
        boolean deleted = hosts.delete(
                Authentication.caller(ctx), subscription, ctx.pathParam("resourceGroup"), ctx.pathParam("name"));
        ctx.status(deleted ? 200 : 204);
    }

    /**
     * ARM's {@code identity.type}: {@code None}, {@code SystemAssigned}, {@code UserAssigned} or both, comma
     * separated; {@code userAssignedIdentities} is given exactly when the type includes {@code UserAssigned}.
     */
    static ComputeHostService.IdentityRequest identityRequest(IdentityBody identity) {
        if (identity == null) {
            return ComputeHostService.IdentityRequest.NONE;
        }
        Set<String> types = new LinkedHashSet<>();
        for (String part : (identity.type() == null ? "" : identity.type()).split(",", -1)) {
            String type = part.strip();
            if (!Set.of("None", "SystemAssigned", "UserAssigned").contains(type)
                    || (type.equals("None") && !types.isEmpty())) {
                throw invalidIdentity("The identity type '" + identity.type() + "' is not valid. Use None, "
                        + "SystemAssigned, UserAssigned or 'SystemAssigned, UserAssigned'.");
            }
            types.add(type);
        }
        Map<String, Object> userAssigned =
                identity.userAssignedIdentities() == null ? Map.of() : identity.userAssignedIdentities();
        if (types.contains("UserAssigned") == userAssigned.isEmpty()) {
            throw invalidIdentity(
                    types.contains("UserAssigned")
                            ? "The identity type includes UserAssigned, so 'userAssignedIdentities' must name at least one."
                            : "'userAssignedIdentities' is only valid with an identity type that includes UserAssigned.");
        }
        return new ComputeHostService.IdentityRequest(
                types.contains("SystemAssigned"), new ArrayList<>(userAssigned.keySet()));
    }

    private static InvalidRequestException invalidIdentity(String message) {
        return new InvalidRequestException(ManagedIdentityError.INVALID_IDENTITY, message);
    }

    static Map<String, Object> identity(ManagedIdentity identity) {
        Map<String, Object> json = resource(
                identity.resourceId(),
                identity.name(),
                ManagedIdentity.USER_ASSIGNED_TYPE,
                identity.location(),
                identity.tags());
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("tenantId", identity.tenantId().toString());
        properties.put("principalId", identity.principalId().toString());
        properties.put("clientId", identity.clientId().toString());
        json.put("properties", properties);
        return json;
    }

    static Map<String, Object> host(ComputeHostService.HostView view) {
        ComputeHost host = view.host();
        Map<String, Object> json = resource(host.id(), host.name(), ComputeHost.TYPE, host.location(), host.tags());
        Map<String, Object> identity = new LinkedHashMap<>();
        List<String> types = new ArrayList<>();
        view.systemAssigned().ifPresent(system -> {
            types.add("SystemAssigned");
            identity.put("principalId", system.principalId().toString());
            identity.put("tenantId", system.tenantId().toString());
        });
        if (!view.userAssigned().isEmpty()) {
            types.add("UserAssigned");
            Map<String, Object> userAssigned = new LinkedHashMap<>();
            view.userAssigned()
                    .forEach(user -> userAssigned.put(
                            user.resourceId(),
                            Map.of(
                                    "principalId", user.principalId().toString(),
                                    "clientId", user.clientId().toString())));
            identity.put("userAssignedIdentities", userAssigned);
        }
        identity.put("type", types.isEmpty() ? "None" : String.join(", ", types));
        json.put("identity", identity);
        json.put("properties", Map.of("provisioningState", "Succeeded"));
        return json;
    }

    private static Map<String, Object> resource(
            String id, String name, String type, String location, Map<String, String> tags) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("name", name);
        json.put("type", type);
        json.put("location", location);
        json.put("tags", tags);
        return json;
    }

    /** A PUT body: ARM's location, tags and, for a host, its identity block. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ResourceBody(String location, Map<String, String> tags, IdentityBody identity) {}

    /** ARM's {@code identity}: its type and the user-assigned identities by resource id (values are ignored). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record IdentityBody(String type, Map<String, Object> userAssignedIdentities) {}
}
