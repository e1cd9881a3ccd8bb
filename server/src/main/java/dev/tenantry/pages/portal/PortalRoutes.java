package dev.tenantry.pages.portal;

import dev.tenantry.pages.Chrome;
import dev.tenantry.pages.DirectorySwitcher;
import dev.tenantry.pages.DirectoryViews;
import dev.tenantry.pages.LicenceViews;
import dev.tenantry.pages.PageSupport;
import dev.tenantry.pages.groups.GroupConsole;
import dev.tenantry.pages.groups.GroupRoutes;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.TenantId;
import dev.tenantry.subscriptions.CloudSubscription;
import dev.tenantry.subscriptions.LicenceService;
import dev.tenantry.subscriptions.SubscriptionService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * The cloud portal (R9, R10): the directory's users and profiles (with their licences, issue 9), its groups
 * ({@link GroupRoutes}), and the subscriptions the signed-in user can see.
 * Signed-in only; the services decide what the caller may read.
 */
public final class PortalRoutes {

    private static final String USERS = "/portal/directory/users";

    private static final GroupConsole GROUPS = new GroupConsole(
            Chrome.Console.PORTAL,
            "/portal/directory/groups",
            USERS,
            true,
            directories -> PortalSection.CONSOLE.nav(PortalSection.DIRECTORY, directories));

    private final PageSupport pages;
    private final DirectoryViews views;
    private final SubscriptionViews subscriptions;
    private final LicenceViews licences;

    public PortalRoutes(
            PageSupport pages, DirectoryViews views, SubscriptionService subscriptions, LicenceService licences) {
        this.pages = pages;
        this.views = views;
        this.licences = new LicenceViews(licences);
        this.subscriptions = new SubscriptionViews(subscriptions, views.tenants(), views.userService(), views.tokens());
    }

    public void register(RoutesConfig routes) {
        routes.get("/portal", this::home);
        routes.get(USERS, this::users);
        routes.get(USERS + "/{id}", this::user);
        new GroupRoutes(pages, views, GROUPS).register(routes);
        routes.get(SubscriptionViews.PATH, this::subscriptions);
        routes.get(SubscriptionTab.OVERVIEW.route(), this::subscription);
    }

    private void home(Context ctx) {
        Optional<Caller> caller = pages.signedIn(ctx);
        if (caller.isEmpty()) {
            return;
        }
        DirectorySwitcher directories = switcher(ctx, caller.get());
        DirectorySwitcher.Entry current = directories.current();
        pages.render(
                ctx,
                "portal/home.jte",
                new PortalHomePage(
                        chrome(ctx),
                        PortalSection.CONSOLE.nav(PortalSection.HOME, directories),
                        current.displayName(),
                        current.domain()));
    }

    private void users(Context ctx) {
        Optional<Caller> caller = pages.signedIn(ctx);
        if (caller.isEmpty()) {
            return;
        }
        PortalUsersPage page = new PortalUsersPage(
                chrome(ctx),
                PortalSection.CONSOLE.nav(PortalSection.DIRECTORY, switcher(ctx, caller.get())),
                views.users(ctx, caller.get(), tenant(ctx), USERS));
        pages.render(ctx, "portal/users.jte", page);
    }

    private void user(Context ctx) {
        Optional<Caller> caller = pages.signedIn(ctx);
        if (caller.isEmpty()) {
            return;
        }
        PortalUserPage page = new PortalUserPage(
                chrome(ctx),
                PortalSection.CONSOLE.nav(PortalSection.DIRECTORY, switcher(ctx, caller.get())),
                views.profile(caller.get(), tenant(ctx), ctx.pathParam("id")),
                licences.profile(licences.service().pathsOf(caller.get(), tenant(ctx), ctx.pathParam("id"))));
        pages.render(ctx, "portal/user.jte", page);
    }

    private void subscriptions(Context ctx) {
        Optional<Caller> caller = pages.signedIn(ctx);
        if (caller.isEmpty()) {
            return;
        }
        SubscriptionViews.Listing listing = subscriptions.visible(caller.get(), ctx.queryParam("page"));
        PortalSubscriptionsPage page = new PortalSubscriptionsPage(
                chrome(ctx),
                PortalSection.CONSOLE.nav(PortalSection.SUBSCRIPTIONS, switcher(ctx, caller.get())),
                listing.rows(),
                listing.nextHref());
        pages.render(ctx, "portal/subscriptions.jte", page);
    }

    private void subscription(Context ctx) {
        Optional<Caller> caller = pages.signedIn(ctx);
        if (caller.isEmpty()) {
            return;
        }
        CloudSubscription subscription = subscriptions.get(caller.get(), ctx.pathParam("id"));
        pages.render(
                ctx,
                "portal/subscription.jte",
                new PortalSubscriptionPage(
                        chrome(ctx),
                        PortalSection.CONSOLE.nav(PortalSection.SUBSCRIPTIONS, switcher(ctx, caller.get())),
                        SubscriptionHeader.of(subscription, SubscriptionTab.OVERVIEW),
                        subscriptions.row(caller.get(), subscription)));
    }

    private DirectorySwitcher switcher(Context ctx, Caller caller) {
        return views.switcher(caller, tenant(ctx), "/portal");
    }

    private TenantId tenant(Context ctx) {
        return pages.session(ctx).tenantId();
    }

    private Chrome chrome(Context ctx) {
        return pages.chrome(ctx, Chrome.Console.PORTAL);
    }
}
