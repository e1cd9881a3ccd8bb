package dev.tenantry.arm;

import dev.tenantry.shared.Ids;
import dev.tenantry.subscriptions.ResourceGroupService;
import dev.tenantry.web.Authentication;
import dev.tenantry.web.Gate;
import dev.tenantry.web.JsonBody;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.UUID;

/** ARM's resource groups in a subscription; both spellings of the segment are accepted, as ARM does. */
public final class ArmResourceGroupRoutes {

    private final ResourceGroupService groups;

    public ArmResourceGroupRoutes(ResourceGroupService groups) {
        this.groups = groups;
    }

    public void register(RoutesConfig routes) {
        for (String segment : new String[] {"resourcegroups", "resourceGroups"}) {
            String collection = "/subscriptions/{subscriptionId}/" + segment;
            routes.get(collection, this::list, Gate.MANAGEMENT);
            routes.get(collection + "/{name}", this::get, Gate.MANAGEMENT);
            routes.head(collection + "/{name}", this::exists, Gate.MANAGEMENT);
            routes.put(collection + "/{name}", this::put, Gate.MANAGEMENT);
            routes.delete(collection + "/{name}", this::delete, Gate.MANAGEMENT);
        }
    }

    private static UUID subscription(Context ctx) {
        ArmJson.requireApiVersion(ctx);
        return Ids.parseUuid(ctx.pathParam("subscriptionId"), "subscription id");
    }

    private void list(Context ctx) {
        UUID subscription = subscription(ctx);
        var items = groups.list(Authentication.caller(ctx), subscription).stream()
                .map(ArmJson::resourceGroup)
                .toList();
        ctx.json(ArmJson.list(items, null));
    }

    private void get(Context ctx) {
        UUID subscription = subscription(ctx);
        ctx.json(ArmJson.resourceGroup(groups.get(Authentication.caller(ctx), subscription, ctx.pathParam("name"))));
    }

    private void exists(Context ctx) {
        UUID subscription = subscription(ctx);
        groups.get(Authentication.caller(ctx), subscription, ctx.pathParam("name"));
        ctx.status(204);
    }

    private void put(Context ctx) {
        UUID subscription = subscription(ctx);
        GroupBody body = JsonBody.readOrElse(ctx, GroupBody.class, new GroupBody(null, null));
        ResourceGroupService.Saved saved = groups.createOrUpdate(
                Authentication.caller(ctx), subscription, ctx.pathParam("name"), body.location(), body.tags());
        ctx.status(saved.created() ? 201 : 200).json(ArmJson.resourceGroup(saved.group()));
    }

    private void delete(Context ctx) {
        UUID subscription = subscription(ctx);
        groups.delete(Authentication.caller(ctx), subscription, ctx.pathParam("name"));
        ctx.status(200);
    }

    record GroupBody(String location, Map<String, String> tags) {}
}
