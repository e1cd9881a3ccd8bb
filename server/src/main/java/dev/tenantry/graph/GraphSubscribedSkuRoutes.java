package dev.tenantry.graph;

import dev.tenantry.shared.TenantId;
import dev.tenantry.subscriptions.Catalog;
import dev.tenantry.subscriptions.ServicePlan;
import dev.tenantry.subscriptions.SubscriptionService;
import dev.tenantry.subscriptions.SuiteSubscription;
import dev.tenantry.web.Authentication;
import dev.tenantry.web.Gate;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Graph v1.0 {@code /subscribedSkus}: one entry per SKU the directory has bought, with id {@code {tenantId}_{skuId}}
 * and the seats of every subscription of that SKU added up (compat §5).
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
        TenantId tenant = GraphResponses.tenant(ctx);
        List<SuiteSubscription> owned = subscriptions.suiteSubscriptions(Authentication.caller(ctx), tenant);
        Map<UUID, List<SuiteSubscription>> bySku = new LinkedHashMap<>();
        owned.stream().filter(s -> s.state() != SuiteSubscription.State.DELETED).forEach(s -> bySku.computeIfAbsent(
                        s.skuId(), id -> new ArrayList<>())
                .add(s));
        List<SubscribedSku> skus = bySku.values().stream()
                .map(group -> SubscribedSku.of(tenant, group, subscriptions.catalog()))
                .toList();
        GraphResponses.ok(ctx, GraphResponses.collection(ctx, "subscribedSkus", skus, null));
    }

    /** Graph's subscribedSku; {@code consumedUnits} stays 0 until licences can be assigned. */
    record SubscribedSku(
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

        static SubscribedSku of(TenantId tenant, List<SuiteSubscription> group, Catalog catalog) {
            SuiteSubscription first = group.get(0);
            List<Plan> plans = catalog.skuById(first.skuId()).stream()
                    .flatMap(sku -> sku.servicePlans().stream())
                    .map(Plan::of)
                    .toList();
            return new SubscribedSku(
                    tenant + "_" + first.skuId(),
                    tenant.toString(),
                    "User",
                    capability(group),
                    0,
                    new PrepaidUnits(
                            group.stream()
                                    .mapToInt(SuiteSubscription::seatsEnabled)
                                    .sum(),
                            group.stream()
                                    .mapToInt(SuiteSubscription::seatsSuspended)
                                    .sum(),
                            group.stream()
                                    .mapToInt(SuiteSubscription::seatsWarning)
                                    .sum(),
                            0),
                    plans,
                    first.skuId().toString(),
                    first.skuPartNumber(),
                    group.stream().map(s -> s.id().toString()).toList());
        }

        /** Enabled while any subscription of the SKU is; otherwise the best state left. */
        private static String capability(List<SuiteSubscription> group) {
            return group.stream()
                    .map(SuiteSubscription::state)
                    .min(Enum::compareTo)
                    .orElse(SuiteSubscription.State.ENABLED)
                    .graphName();
        }
    }

    /** Seats by state. */
    record PrepaidUnits(int enabled, int suspended, int warning, int lockedOut) {}

    /** One service plan of the SKU. */
    record Plan(String servicePlanId, String servicePlanName, String provisioningStatus, String appliesTo) {

        static Plan of(ServicePlan plan) {
            return new Plan(plan.id().toString(), plan.name(), "Success", "User");
        }
    }
}
