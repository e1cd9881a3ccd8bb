package dev.tenantry.arm;

import dev.tenantry.shared.Ids;
import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.subscriptions.CloudLifecycleService;
import dev.tenantry.subscriptions.CloudSubscription;
import dev.tenantry.web.Authentication;
import dev.tenantry.web.Gate;
import dev.tenantry.web.JsonBody;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * ARM's {@code Microsoft.Subscription} operations on one subscription ({@code api-version=2021-10-01}): cancel,
 * enable and rename, each answering {@code {"subscriptionId"}} as ARM's CanceledSubscriptionId,
 * EnabledSubscriptionId and RenamedSubscriptionId do.
 */
public final class ArmSubscriptionLifecycleRoutes {

    private static final String IGNORE_RESOURCE_CHECK = "IgnoreResourceCheck";
    private static final String PROVIDER = "/subscriptions/{subscriptionId}/providers/Microsoft.Subscription";

    private final CloudLifecycleService lifecycle;

    public ArmSubscriptionLifecycleRoutes(CloudLifecycleService lifecycle) {
        this.lifecycle = lifecycle;
    }

    public void register(RoutesConfig routes) {
        routes.post(
                PROVIDER + "/cancel",
                ctx -> answer(ctx, lifecycle.cancel(Authentication.caller(ctx), cancelled(ctx))),
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

    /**
     * The subscription to cancel: cancel also takes {@code IgnoreResourceCheck} ({@code true} or {@code false}), the
     * same either way, since a subscription here holds no resources that could block it.
     */
    private static UUID cancelled(Context ctx) {
        ArmJson.requireOnlyOptions(ctx, Set.of(IGNORE_RESOURCE_CHECK));
        String ignore = ctx.queryParam(IGNORE_RESOURCE_CHECK);
        if (ignore != null && !ignore.equalsIgnoreCase("true") && !ignore.equalsIgnoreCase("false")) {
            throw new InvalidRequestException(
                    ArmError.UNSUPPORTED_QUERY_PARAMETER,
                    "IgnoreResourceCheck is true or false, not '" + ignore + "'.");
        }
        return Ids.parseUuid(ctx.pathParam("subscriptionId"), "subscription id");
    }

    /** The subscription of the path; no query option but api-version. */
    private static UUID subscription(Context ctx) {
        ArmJson.requireOnlyOptions(ctx, Set.of());
        return Ids.parseUuid(ctx.pathParam("subscriptionId"), "subscription id");
    }

    private static void answer(Context ctx, CloudSubscription subscription) {
        ctx.json(Map.of("subscriptionId", subscription.id().toString()));
    }
}
