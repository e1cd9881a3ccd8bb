package dev.tenantry.arm;

import dev.tenantry.directory.Tenant;
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
import java.util.function.Function;

/** ARM's subscriptions and tenants: what the caller can see, as {@code az account list} shows it. */
public final class ArmSubscriptionRoutes {

    private static final int PAGE_SIZE = 100;
    private static final String PAGING = "arm-subscriptions";

    private final SubscriptionService subscriptions;
    private final PageTokens pageTokens;
    private final Function<Caller, List<Tenant>> directories;

    public ArmSubscriptionRoutes(SubscriptionService subscriptions, TenantService tenants, PageTokens pageTokens) {
        this(subscriptions, tenants, pageTokens, null);
    }

    /**
     * ARM's subscriptions and tenants, where {@code GET /tenants} lists {@code directories} of the caller (its home
     * and the directories it is a guest of, issue 10); null lists the directory the caller acts in.
     */
    public ArmSubscriptionRoutes(
            SubscriptionService subscriptions,
            TenantService tenants,
            PageTokens pageTokens,
            Function<Caller, List<Tenant>> directories) {
        this.subscriptions = subscriptions;
        this.pageTokens = pageTokens;
        this.directories = directories != null
                ? directories
                : caller -> caller.actingTenant()
                        .map(acting -> List.of(tenants.getTenant(caller, acting)))
                        .orElse(List.of());
    }

    public void register(RoutesConfig routes) {
        routes.get("/tenants", this::tenants, Gate.MANAGEMENT);
        routes.get("/subscriptions", this::list, Gate.MANAGEMENT);
        routes.get("/subscriptions/{subscriptionId}", this::get, Gate.MANAGEMENT);
    }

    private void tenants(Context ctx) {
        ArmJson.requireApiVersion(ctx);
        List<Object> own = directories.apply(Authentication.caller(ctx)).stream()
                .<Object>map(ArmJson::tenant)
                .toList();
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
