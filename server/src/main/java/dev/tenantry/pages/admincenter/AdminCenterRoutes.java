package dev.tenantry.pages.admincenter;

import dev.tenantry.pages.Chrome;
import dev.tenantry.pages.DirectorySwitcher;
import dev.tenantry.pages.DirectoryViews;
import dev.tenantry.pages.PageSupport;
import dev.tenantry.pages.groups.GroupConsole;
import dev.tenantry.pages.groups.GroupRoutes;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.TenantId;
import dev.tenantry.subscriptions.Sku;
import dev.tenantry.subscriptions.SubscriptionService;
import dev.tenantry.subscriptions.SuiteSubscription;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;

/**
 * The admin center (R9, R10): its home, the users pages ({@link AdminUserRoutes}), the groups pages
 * ({@link GroupRoutes}) and "Billing / Your products".
 * Signed-in only; the services decide what the caller may read and change.
 */
public final class AdminCenterRoutes {

    private static final GroupConsole GROUPS = new GroupConsole(
            Chrome.Console.ADMIN,
            AdminSection.GROUPS.href(),
            "/admin/users",
            false,
            directories -> AdminSection.CONSOLE.nav(AdminSection.GROUPS, directories));

    private final PageSupport pages;
    private final DirectoryViews views;
    private final SubscriptionService subscriptions;

    public AdminCenterRoutes(PageSupport pages, DirectoryViews views, SubscriptionService subscriptions) {
        this.pages = pages;
        this.views = views;
        this.subscriptions = subscriptions;
    }

    public void register(RoutesConfig routes) {
        routes.get("/admin", this::home);
        new AdminUserRoutes(pages, views).register(routes);
        new GroupRoutes(pages, views, GROUPS).register(routes);
        routes.get("/admin/billing/products", this::products);
    }

    private void home(Context ctx) {
        Optional<Caller> caller = pages.signedIn(ctx);
        if (caller.isEmpty()) {
            return;
        }
        DirectorySwitcher directories = views.switcher(caller.get(), tenant(ctx), "/admin");
        DirectorySwitcher.Entry current = directories.current();
        pages.render(
                ctx,
                "admincenter/home.jte",
                new AdminHomePage(
                        chrome(ctx),
                        AdminSection.CONSOLE.nav(AdminSection.HOME, directories),
                        current.displayName(),
                        current.domain()));
    }

    private void products(Context ctx) {
        Optional<Caller> caller = pages.signedIn(ctx);
        if (caller.isEmpty()) {
            return;
        }
        List<ProductsPage.Row> rows = subscriptions.suiteSubscriptions(caller.get(), tenant(ctx)).stream()
                .map(this::row)
                .toList();
        DirectorySwitcher directories = views.switcher(caller.get(), tenant(ctx), "/admin");
        pages.render(
                ctx,
                "admincenter/products.jte",
                new ProductsPage(chrome(ctx), AdminSection.CONSOLE.nav(AdminSection.BILLING, directories), rows));
    }

    private ProductsPage.Row row(SuiteSubscription s) {
        String product =
                subscriptions.catalog().skuById(s.skuId()).map(Sku::displayName).orElse(s.skuPartNumber());
        return new ProductsPage.Row(
                s.id().toString(),
                product,
                s.skuPartNumber(),
                s.state().graphName(),
                s.trial() ? DirectoryViews.when(s.trialEndsAt()) : "Not a trial",
                0,
                s.seatsEnabled());
    }

    private TenantId tenant(Context ctx) {
        return pages.session(ctx).tenantId();
    }

    private Chrome chrome(Context ctx) {
        return pages.chrome(ctx, Chrome.Console.ADMIN);
    }
}
