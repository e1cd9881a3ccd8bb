package dev.tenantry.pages.admincenter;

import dev.tenantry.pages.Chrome;
import dev.tenantry.pages.DirectoryViews;
import dev.tenantry.pages.PageSupport;
import dev.tenantry.pages.store.BillingForm;
import dev.tenantry.pages.store.CountryOption;
import dev.tenantry.pages.store.FieldErrors;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.DomainException;
import dev.tenantry.shared.ErrorCode;
import dev.tenantry.shared.Ids;
import dev.tenantry.shared.TenantId;
import dev.tenantry.subscriptions.BillingDetails;
import dev.tenantry.subscriptions.Offer;
import dev.tenantry.subscriptions.Seats;
import dev.tenantry.subscriptions.Sku;
import dev.tenantry.subscriptions.SubscribedSku;
import dev.tenantry.subscriptions.SubscriptionError;
import dev.tenantry.subscriptions.SubscriptionService;
import dev.tenantry.subscriptions.SuiteLifecycleService;
import dev.tenantry.subscriptions.SuiteSubscription;
import dev.tenantry.web.Failures;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The admin center's "Billing / Your products" (issue 9): each suite subscription with its state, when that state
 * ends, licences used, and the forms that change it: "Buy licences", "Remove licences", "Buy" (a trial), "Cancel" and
 * "Reactivate". The lifecycle service decides; a refusal it can explain is shown next to the form that caused it.
 */
final class AdminProductRoutes {

    private static final String PRODUCTS = "/admin/billing/products";

    private final PageSupport pages;
    private final DirectoryViews views;
    private final SubscriptionService subscriptions;
    private final SuiteLifecycleService lifecycle;

    AdminProductRoutes(
            PageSupport pages,
            DirectoryViews views,
            SubscriptionService subscriptions,
            SuiteLifecycleService lifecycle) {
        this.pages = pages;
        this.views = views;
        this.subscriptions = subscriptions;
        this.lifecycle = lifecycle;
    }

    /** What one form of a product row does to its subscription, with the posted form at hand. */
    private interface Action {
        SuiteSubscription apply(Caller caller, TenantId tenantId, UUID id, Context ctx);
    }

    void register(RoutesConfig routes) {
        routes.get(PRODUCTS, this::list);
        routes.post(PRODUCTS + "/{id}/add", ctx -> act(ctx, "add", this::add));
        routes.post(PRODUCTS + "/{id}/remove", ctx -> act(ctx, "remove", this::remove));
        routes.post(PRODUCTS + "/{id}/convert", ctx -> act(ctx, "convert", this::convert));
        routes.post(
                PRODUCTS + "/{id}/cancel",
                ctx -> act(ctx, "cancel", (caller, tenant, id, form) -> lifecycle.cancel(caller, tenant, id)));
        routes.post(
                PRODUCTS + "/{id}/reactivate",
                ctx -> act(ctx, "reactivate", (caller, tenant, id, form) -> lifecycle.reactivate(caller, tenant, id)));
        routes.get(PRODUCTS + "/{id}/buy", this::billing);
        routes.post(PRODUCTS + "/{id}/buy", this::buy);
    }

    private SuiteSubscription add(Caller caller, TenantId tenant, UUID id, Context form) {
        return lifecycle.changeSeats(caller, tenant, id, Seats.parse(form.formParam("add")));
    }

    private SuiteSubscription remove(Caller caller, TenantId tenant, UUID id, Context form) {
        return lifecycle.changeSeats(caller, tenant, id, -Seats.parse(form.formParam("remove")));
    }

    /** Buys the trial with the directory's billing profile; without one, {@link #act} sends to the billing form. */
    private SuiteSubscription convert(Caller caller, TenantId tenant, UUID id, Context form) {
        return lifecycle.convertToPaid(caller, tenant, id, null);
    }

    private void list(Context ctx) {
        Optional<Caller> caller = pages.signedIn(ctx);
        if (caller.isPresent()) {
            render(ctx, caller.get(), notice(ctx.queryParam("done")), null);
        }
    }

    /** Runs {@code action} from its form; a refusal about the subscription is shown next to that form. */
    private void act(Context ctx, String form, Action action) {
        pages.requireCsrf(ctx);
        Optional<Caller> caller = pages.signedIn(ctx);
        if (caller.isEmpty()) {
            return;
        }
        UUID id = Ids.parseUuid(ctx.pathParam("id"), "subscription id");
        try {
            action.apply(caller.get(), tenant(ctx), id, ctx);
            ctx.redirect(PRODUCTS + "?done=" + form, HttpStatus.SEE_OTHER);
        } catch (DomainException e) {
            if (e.errorCode() == SubscriptionError.BILLING_PROFILE_REQUIRED) {
                ctx.redirect(PRODUCTS + "/" + id + "/buy", HttpStatus.SEE_OTHER);
                return;
            }
            if (e.errorCode().kind() == ErrorCode.Kind.ACCESS_DENIED
                    || e.errorCode().kind() == ErrorCode.Kind.NOT_FOUND) {
                throw e;
            }
            render(ctx, caller.get(), null, new ProductsPage.FormError(id.toString(), form, e.getMessage()));
            ctx.status(Failures.statusOf(e));
        }
    }

    /** Buying a trial when the directory has no billing profile: the store's billing form. */
    private void billing(Context ctx) {
        Optional<Caller> caller = pages.signedIn(ctx);
        if (caller.isPresent()) {
            renderBilling(ctx, caller.get(), BillingForm.empty(), FieldErrors.none());
        }
    }

    private void buy(Context ctx) {
        pages.requireCsrf(ctx);
        Optional<Caller> caller = pages.signedIn(ctx);
        if (caller.isEmpty()) {
            return;
        }
        BillingDetails details = BillingForm.details(ctx);
        try {
            lifecycle.convertToPaid(
                    caller.get(), tenant(ctx), Ids.parseUuid(ctx.pathParam("id"), "subscription id"), details);
            ctx.redirect(PRODUCTS + "?done=convert", HttpStatus.SEE_OTHER);
        } catch (DomainException e) {
            if (e.errorCode() != SubscriptionError.INVALID_BILLING_PROFILE) {
                throw e;
            }
            renderBilling(ctx, caller.get(), BillingForm.kept(details), BillingForm.errors(details));
            ctx.status(Failures.statusOf(e));
        }
    }

    private void renderBilling(Context ctx, Caller caller, BillingForm form, FieldErrors errors) {
        SuiteSubscription subscription = subscriptions.getSuiteSubscription(
                caller, tenant(ctx), Ids.parseUuid(ctx.pathParam("id"), "subscription id"));
        pages.render(
                ctx,
                "admincenter/buy.jte",
                new BuyPage(
                        pages.chrome(ctx, Chrome.Console.ADMIN),
                        AdminSection.CONSOLE.nav(AdminSection.BILLING, views.switcher(caller, tenant(ctx), "/admin")),
                        productName(subscription),
                        subscription.id().toString(),
                        form,
                        errors,
                        CountryOption.all()));
    }

    private void render(Context ctx, Caller caller, String notice, ProductsPage.FormError error) {
        TenantId tenant = tenant(ctx);
        Map<UUID, Integer> used = subscriptions.subscribedSkus(caller, tenant).stream()
                .collect(Collectors.toMap(SubscribedSku::skuId, SubscribedSku::consumedUnits));
        List<ProductsPage.Row> rows = subscriptions.suiteSubscriptions(caller, tenant).stream()
                .filter(s -> s.state() != SuiteSubscription.State.DELETED)
                .map(s -> row(s, used.getOrDefault(s.skuId(), 0)))
                .toList();
        List<ProductsPage.CloudRow> clouds = subscriptions.cloudSubscriptionsOf(caller, tenant).stream()
                .map(c -> new ProductsPage.CloudRow(
                        c.id().toString(),
                        c.displayName(),
                        subscriptions
                                .catalog()
                                .offer(c.offerId())
                                .map(Offer::displayName)
                                .orElse(c.offerId()),
                        c.state().armName()))
                .toList();
        pages.render(
                ctx,
                "admincenter/products.jte",
                new ProductsPage(
                        pages.chrome(ctx, Chrome.Console.ADMIN),
                        AdminSection.CONSOLE.nav(AdminSection.BILLING, views.switcher(caller, tenant, "/admin")),
                        rows,
                        clouds,
                        notice,
                        error));
    }

    private String productName(SuiteSubscription s) {
        return subscriptions.catalog().skuById(s.skuId()).map(Sku::displayName).orElse(s.skuPartNumber());
    }

    private ProductsPage.Row row(SuiteSubscription s, int used) {
        return new ProductsPage.Row(
                s.id().toString(),
                productName(s),
                s.skuPartNumber(),
                s.state(),
                s.trial(),
                s.trial() ? DirectoryViews.when(s.trialEndsAt()) : "Not a trial",
                s.stateEndsAt() == null ? null : DirectoryViews.when(s.stateEndsAt()),
                used,
                s.seats());
    }

    private static String notice(String done) {
        return switch (done == null ? "" : done) {
            case "add" -> "The licences were bought.";
            case "remove" -> "The licences were removed.";
            case "convert" -> "The subscription was bought; it no longer ends with the trial.";
            case "cancel" -> "The subscription was cancelled. Its users lost its services; reactivate it to undo.";
            case "reactivate" -> "The subscription was reactivated.";
            default -> null;
        };
    }

    private TenantId tenant(Context ctx) {
        return pages.session(ctx).tenantId();
    }
}
