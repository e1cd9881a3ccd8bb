package dev.tenantry.arm;

import dev.tenantry.shared.Ids;
import dev.tenantry.subscriptions.CloudLifecycleService;
import dev.tenantry.subscriptions.CloudSubscription;
import dev.tenantry.web.Authentication;
import dev.tenantry.web.Gate;
import dev.tenantry.web.JsonBody;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.UUID;

/**
 * ARM's {@code Microsoft.Subscription} operations on one subscription ({@code api-version=2021-10-01}): cancel,
 * enable and rename, each answering {@code {"subscriptionId"}} as ARM's CanceledSubscriptionId,
 * EnabledSubscriptionId and RenamedSubscriptionId do.
 */
public final class ArmSubscriptionLifecycleRoutes {

    private static final String PROVIDER = "/subscriptions/{subscriptionId}/providers/Microsoft.Subscription";

    private final CloudLifecycleService lifecycle;

    public ArmSubscriptionLifecycleRoutes(CloudLifecycleService lifecycle) {
        this.lifecycle = lifecycle;
    }

    public void register(RoutesConfig routes) {
        routes.post(
                PROVIDER + "/cancel",
                ctx -> answer(ctx, lifecycle.cancel(Authentication.caller(ctx), subscription(ctx))),
                Gate.MANAGEMENT);
        routes.post(
                PROVIDER + "/enable",
                ctx -> answer(ctx, lifecycle.enable(Authentication.caller(ctx), subscription(ctx))),
                Gate.MANAGEMENT);
        routes.post(PROVIDER + "/rename", this::rename, Gate.MANAGEMENT);
    }

    record RenameBody(String subscriptionName) {}

    private void rename(Context ctx) {
        UUID id = subscription(ctx);
        RenameBody body = JsonBody.read(ctx, RenameBody.class);
        answer(ctx, lifecycle.rename(Authentication.caller(ctx), id, body.subscriptionName()));
    }

    private static UUID subscription(Context ctx) {
        ArmJson.requireApiVersion(ctx);
        return Ids.parseUuid(ctx.pathParam("subscriptionId"), "subscription id");
    }

    private static void answer(Context ctx, CloudSubscription subscription) {
        ctx.json(Map.of("subscriptionId", subscription.id().toString()));
    }
}
