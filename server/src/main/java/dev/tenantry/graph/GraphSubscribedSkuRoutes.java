package dev.tenantry.graph;

import dev.tenantry.shared.TenantId;
import dev.tenantry.subscriptions.ServicePlan;
import dev.tenantry.subscriptions.SubscribedSku;
import dev.tenantry.subscriptions.SubscriptionService;
import dev.tenantry.web.Authentication;
import dev.tenantry.web.Gate;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.UUID;

/**
 * Graph v1.0 {@code /subscribedSkus}: one entry per SKU the directory has bought, with id {@code {tenantId}_{skuId}}
 * and the seats of every subscription of that SKU added up by state (compat §5): a trial that ended counts its seats
 * as {@code warning}, a cancelled or long-expired subscription as {@code suspended} (issue 9).
 *
 * @see <a href="https://learn.microsoft.com/graph/api/resources/subscribedsku">Graph subscribedSku resource</a>
 */
public final class GraphSubscribedSkuRoutes {

    private final SubscriptionService subscriptions;

    public GraphSubscribedSkuRoutes(SubscriptionService subscriptions) {
        this.subscriptions = subscriptions;
    }

    public void register(RoutesConfig routes) {
        routes.get("/v1.0/subscribedSkus", this::list, Gate.GRAPH);
    }

    private void list(Context ctx) {
        ODataQuery query = ODataQuery.parse(ctx.queryParamMap()).allowOnly(ODataQuery.Option.SELECT);
        TenantId tenant = GraphResponses.tenant(ctx);
        List<GraphSubscribedSku> skus = subscriptions.subscribedSkus(Authentication.caller(ctx), tenant).stream()
                .map(sku -> GraphSubscribedSku.of(tenant, sku))
                .toList();
        GraphResponses.ok(
                ctx,
                GraphResponses.collection(
                        ctx,
                        "subscribedSkus",
                        GraphSelect.of(skus, GraphSubscribedSku.class, query.select(), "microsoft.graph.subscribedSku"),
                        null));
    }

    /** Graph's subscribedSku. */
    record GraphSubscribedSku(
            String id,
            String accountId,
            String appliesTo,
            String capabilityStatus,
            int consumedUnits,
            PrepaidUnits prepaidUnits,
            List<Plan> servicePlans,
            String skuId,
            String skuPartNumber,
            List<String> subscriptionIds) {

        static GraphSubscribedSku of(TenantId tenant, SubscribedSku sku) {
            return new GraphSubscribedSku(
                    tenant + "_" + sku.skuId(),
                    tenant.toString(),
                    "User",
                    sku.capabilityStatus().graphName(),
                    sku.consumedUnits(),
                    new PrepaidUnits(sku.enabledUnits(), sku.suspendedUnits(), sku.warningUnits(), 0),
                    sku.servicePlans().stream()
                            .map(plan -> Plan.of(plan, sku.plansWork()))
                            .toList(),
                    sku.skuId().toString(),
                    sku.skuPartNumber(),
                    sku.subscriptionIds().stream().map(UUID::toString).toList());
        }
    }

    /** Seats by state. */
    record PrepaidUnits(int enabled, int suspended, int warning, int lockedOut) {}

    /** One service plan of the SKU: {@code Disabled} once the SKU's subscriptions are suspended (issue 9). */
    record Plan(String servicePlanId, String servicePlanName, String provisioningStatus, String appliesTo) {

        static Plan of(ServicePlan plan, boolean works) {
            return new Plan(plan.id().toString(), plan.name(), works ? "Success" : "Disabled", "User");
        }
    }
}
