package dev.tenantry.pages.portal;

import dev.tenantry.pages.Chrome;
import dev.tenantry.pages.ConsoleNav;
import dev.tenantry.pages.DirectoryViews;
import dev.tenantry.pages.PageSupport;
import dev.tenantry.shared.Caller;
import dev.tenantry.subscriptions.CloudSubscription;
import dev.tenantry.subscriptions.SubscriptionService;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * What the pages of one cloud subscription's tabs share: the signed-in caller, the frame and navigation, the
 * subscription of the path (a 404 without a role on it) and its header with the current tab.
 */
final class SubscriptionPages {

    /** A tab's handler, given the signed-in caller and the subscription of the path. */
    interface Handler {
        void handle(Context ctx, Caller caller, CloudSubscription subscription);
    }

    private final PageSupport pages;
    private final DirectoryViews views;
    private final SubscriptionViews subscriptions;

    SubscriptionPages(PageSupport pages, DirectoryViews views, SubscriptionService subscriptions) {
        this.pages = pages;
        this.views = views;
        this.subscriptions = new SubscriptionViews(subscriptions, views.tenants(), views.userService(), views.tokens());
    }

    PageSupport pages() {
        return pages;
    }

    /** Runs {@code handler} for a signed-in caller (else redirects to sign-in) on the subscription of the path. */
    void signedIn(Context ctx, Handler handler) {
        Optional<Caller> caller = pages.signedIn(ctx);
        if (caller.isPresent()) {
            handler.handle(ctx, caller.get(), subscriptions.get(caller.get(), ctx.pathParam("id")));
        }
    }

    /** The same for a form post, after its CSRF check. */
    void posted(Context ctx, Handler handler) {
        pages.requireCsrf(ctx);
        signedIn(ctx, handler);
    }

    Chrome chrome(Context ctx) {
        return pages.chrome(ctx, Chrome.Console.PORTAL);
    }

    ConsoleNav nav(Context ctx, Caller caller) {
        return PortalSection.CONSOLE.nav(
                PortalSection.SUBSCRIPTIONS,
                views.switcher(caller, pages.session(ctx).tenantId(), "/portal"));
    }
}
