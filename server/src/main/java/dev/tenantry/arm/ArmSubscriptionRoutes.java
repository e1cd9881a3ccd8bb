package dev.tenantry.arm;

import dev.tenantry.directory.tenants.TenantService;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.Ids;
import dev.tenantry.shared.Page;
import dev.tenantry.shared.PageRequest;
import dev.tenantry.subscriptions.CloudSubscription;
import dev.tenantry.subscriptions.SubscriptionService;
import dev.tenantry.web.Authentication;
import dev.tenantry.web.Gate;
import dev.tenantry.web.PageTokens;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** ARM's subscriptions and tenants: what the caller can see, as {@code az account list} shows it. */
public final class ArmSubscriptionRoutes {

    private static final int PAGE_SIZE = 100;
    private static final String PAGING = "arm-subscriptions";

    private final SubscriptionService subscriptions;
    private final TenantService tenants;
    private final PageTokens pageTokens;

    public ArmSubscriptionRoutes(SubscriptionService subscriptions, TenantService tenants, PageTokens pageTokens) {
        this.subscriptions = subscriptions;
        this.tenants = tenants;
        this.pageTokens = pageTokens;
    }

    public void register(RoutesConfig routes) {
        routes.get("/tenants", this::tenants, Gate.MANAGEMENT);
        routes.get("/subscriptions", this::list, Gate.MANAGEMENT);
        routes.get("/subscriptions/{subscriptionId}", this::get, Gate.MANAGEMENT);
    }

    private void tenants(Context ctx) {
        ArmJson.requireApiVersion(ctx);
        Caller caller = Authentication.caller(ctx);
        List<Object> own = caller.actingTenant()
                .<List<Object>>map(acting -> List.of(ArmJson.tenant(tenants.getTenant(caller, acting))))
                .orElse(List.of());
        ctx.json(ArmJson.list(own, null));
    }

    private void list(Context ctx) {
        ArmJson.requireApiVersion(ctx);
        String skipToken = ctx.queryParam("$skiptoken");
        String after = skipToken == null ? null : pageTokens.open(PAGING, skipToken);
        Page<CloudSubscription> page =
                subscriptions.visibleCloudSubscriptions(Authentication.caller(ctx), new PageRequest(after, PAGE_SIZE));
        List<Map<String, Object>> items = page.items().stream().map(this::json).toList();
        String next = page.hasNext()
                ? ArmJson.base(ctx) + "/subscriptions?api-version=" + encode(ctx.queryParam("api-version"))
                        + "&%24skiptoken=" + encode(pageTokens.seal(PAGING, page.nextAfter()))
                : null;
        ctx.json(ArmJson.list(items, next));
    }

    private void get(Context ctx) {
        ArmJson.requireApiVersion(ctx);
        UUID id = Ids.parseUuid(ctx.pathParam("subscriptionId"), "subscription id");
        ctx.json(json(subscriptions.getCloudSubscription(Authentication.caller(ctx), id)));
    }

    private Map<String, Object> json(CloudSubscription subscription) {
        return ArmJson.subscription(
                subscription,
                subscriptions.catalog().offer(subscription.offerId()).orElse(null));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
