package dev.tenantry.pages.portal;

import dev.tenantry.directory.Tenant;
import dev.tenantry.pages.DirectoryViews;
import dev.tenantry.pages.PageSupport;
import dev.tenantry.shared.AccessDeniedException;
import dev.tenantry.shared.Caller;
import dev.tenantry.subscriptions.ChangeDirectoryService;
import dev.tenantry.subscriptions.CloudSubscription;
import dev.tenantry.subscriptions.SubscriptionError;
import dev.tenantry.subscriptions.SubscriptionService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;

/**
 * The portal's "Change directory" of a cloud subscription (R11): choose a directory, confirm on a page listing every
 * role assignment and co-administrator the move removes, then move. Refusals come from the service.
 */
public final class PortalChangeDirectoryRoutes {

    private static final String TARGET = "targetTenantId";

    private final SubscriptionPages pages;
    private final ChangeDirectoryService changes;

    public PortalChangeDirectoryRoutes(
            PageSupport pages,
            DirectoryViews views,
            SubscriptionService subscriptions,
            ChangeDirectoryService changes) {
        this.pages = new SubscriptionPages(pages, views, subscriptions);
        this.changes = changes;
    }

    public void register(RoutesConfig routes) {
        String tab = SubscriptionTab.CHANGE_DIRECTORY.route();
        routes.get(tab, ctx -> pages.signedIn(ctx, this::choose));
        routes.get(tab + "/confirm", ctx -> pages.signedIn(ctx, this::confirm));
        routes.post(tab, ctx -> pages.posted(ctx, this::move));
    }

    private void choose(Context ctx, Caller caller, CloudSubscription subscription) {
        List<ChangeDirectoryPage.Target> targets = List.of();
        String refusal = null;
        try {
            targets = changes.targets(caller, subscription.id()).stream()
                    .map(PortalChangeDirectoryRoutes::target)
                    .toList();
        } catch (AccessDeniedException e) {
            if (e.errorCode() != SubscriptionError.ACCOUNT_ADMINISTRATOR_REQUIRED) {
                throw e;
            }
            refusal = e.getMessage();
        }
        pages.pages()
                .render(
                        ctx,
                        "portal/change-directory.jte",
                        new ChangeDirectoryPage(
                                pages.chrome(ctx), pages.nav(ctx, caller), header(subscription), targets, refusal));
    }

    private void confirm(Context ctx, Caller caller, CloudSubscription subscription) {
        ChangeDirectoryService.Preview preview = changes.preview(caller, subscription.id(), ctx.queryParam(TARGET));
        render(ctx, caller, preview.subscription(), preview, false);
    }

    private void move(Context ctx, Caller caller, CloudSubscription subscription) {
        String target = ctx.formParam(TARGET);
        ChangeDirectoryService.Preview preview = changes.preview(caller, subscription.id(), target);
        ChangeDirectoryService.Moved moved = changes.changeDirectory(caller, subscription.id(), target);
        render(ctx, caller, moved.subscription(), preview, true);
    }

    private void render(
            Context ctx,
            Caller caller,
            CloudSubscription subscription,
            ChangeDirectoryService.Preview preview,
            boolean moved) {
        pages.pages()
                .render(
                        ctx,
                        "portal/change-directory-confirm.jte",
                        new ChangeDirectoryConfirmPage(
                                pages.chrome(ctx),
                                pages.nav(ctx, caller),
                                header(subscription),
                                target(preview.target()),
                                preview.roleAssignments(),
                                preview.coAdministrators(),
                                preview.managedIdentities(),
                                moved));
    }

    private static SubscriptionHeader header(CloudSubscription subscription) {
        return SubscriptionHeader.of(subscription, SubscriptionTab.CHANGE_DIRECTORY);
    }

    private static ChangeDirectoryPage.Target target(Tenant tenant) {
        return new ChangeDirectoryPage.Target(tenant.id().toString(), tenant.displayName(), tenant.initialDomain());
    }
}
