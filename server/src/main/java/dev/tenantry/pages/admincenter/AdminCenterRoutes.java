package dev.tenantry.pages.admincenter;

import dev.tenantry.pages.Chrome;
import dev.tenantry.pages.DirectorySwitcher;
import dev.tenantry.pages.DirectoryViews;
import dev.tenantry.pages.PageSupport;
import dev.tenantry.pages.groups.GroupConsole;
import dev.tenantry.pages.groups.GroupRoutes;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.TenantId;
import dev.tenantry.subscriptions.SubscriptionService;
import dev.tenantry.subscriptions.SuiteLifecycleService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * The admin center (R9, R10): its home, the users pages ({@link AdminUserRoutes}), the groups pages
 * ({@link GroupRoutes}) and "Billing / Your products" ({@link AdminProductRoutes}).
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
    private final AdminProductRoutes products;

    public AdminCenterRoutes(
            PageSupport pages,
            DirectoryViews views,
            SubscriptionService subscriptions,
            SuiteLifecycleService lifecycle) {
        this.pages = pages;
        this.views = views;
        this.products = new AdminProductRoutes(pages, views, subscriptions, lifecycle);
    }

    public void register(RoutesConfig routes) {
        routes.get("/admin", this::home);
        new AdminUserRoutes(pages, views).register(routes);
        new GroupRoutes(pages, views, GROUPS).register(routes);
        products.register(routes);
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

    private TenantId tenant(Context ctx) {
        return pages.session(ctx).tenantId();
    }

    private Chrome chrome(Context ctx) {
        return pages.chrome(ctx, Chrome.Console.ADMIN);
    }
}
