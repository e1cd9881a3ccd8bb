package dev.tenantry.pages.store;

import dev.tenantry.directory.DirectoryService;
import dev.tenantry.pages.Chrome;
import dev.tenantry.pages.PageSupport;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.Ids;
import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.subscriptions.BillingDetails;
import dev.tenantry.subscriptions.CloudSubscription;
import dev.tenantry.subscriptions.Offer;
import dev.tenantry.subscriptions.SubscriptionError;
import dev.tenantry.subscriptions.SubscriptionService;
import dev.tenantry.web.Failures;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Optional;

/**
 * The cloud store: the free trial offer, sign-up with an existing organisational account (R3, R7: no role needed)
 * through a billing profile, or with a new organisation (R8). Only the free trial is offered here, so an
 * enterprise-agreement offer (R12) cannot be chosen.
 */
public final class CloudStoreRoutes {

    static final String FREE_TRIAL = "MS-AZR-0044P";
    private static final String BILLING = "/store/cloud/billing";

    private final PageSupport pages;
    private final SubscriptionService subscriptions;
    private final OrganisationSignUp signUp;

    public CloudStoreRoutes(PageSupport pages, SubscriptionService subscriptions, DirectoryService directory) {
        this.pages = pages;
        this.subscriptions = subscriptions;
        this.signUp = new OrganisationSignUp(pages, subscriptions, directory);
    }

    public void register(RoutesConfig routes) {
        routes.get("/store/cloud", ctx -> product(ctx, "store/cloud.jte"));
        routes.get("/store/cloud/start", ctx -> product(ctx, "store/cloudStart.jte"));
        routes.get("/store/cloud/signup", ctx -> signUp.show(ctx, product(), OrganisationForm.empty(), none()));
        routes.post("/store/cloud/signup", ctx -> signUp.submit(ctx, product(), s -> done(s.id().toString())));
        routes.get(BILLING, this::billing);
        routes.post(BILLING, this::submitBilling);
        routes.get("/store/cloud/subscriptions/{subscriptionId}", this::confirmation);
    }

    private void product(Context ctx, String template) {
        String signInUrl = "/signin?returnUrl=" + BILLING;
        pages.render(ctx, template, new CloudPage(chrome(ctx), offer().displayName(), signInUrl));
    }

    private void billing(Context ctx) {
        if (pages.signedIn(ctx).isPresent()) {
            renderBilling(ctx, BillingForm.empty(), none());
        }
    }

    private void submitBilling(Context ctx) {
        pages.requireCsrf(ctx);
        Optional<Caller> caller = pages.signedIn(ctx);
        if (caller.isEmpty()) {
            return;
        }
        BillingDetails details = BillingForm.details(ctx);
        try {
            CloudSubscription created = subscriptions.createCloudSubscription(caller.get(), FREE_TRIAL, null, details);
            ctx.redirect(done(created.id().toString()), HttpStatus.SEE_OTHER);
        } catch (InvalidRequestException e) {
            if (e.errorCode() != SubscriptionError.INVALID_BILLING_PROFILE) {
                throw e;
            }
            renderBilling(ctx, BillingForm.kept(details), BillingForm.errors(details));
            ctx.status(Failures.statusOf(e));
        }
    }

    private void confirmation(Context ctx) {
        Optional<Caller> caller = pages.signedIn(ctx);
        if (caller.isPresent()) {
            CloudSubscription s = subscriptions.getCloudSubscription(
                    caller.get(), Ids.parseUuid(ctx.pathParam("subscriptionId"), "subscription id"));
            String offerName = subscriptions
                    .catalog()
                    .offer(s.offerId())
                    .map(Offer::displayName)
                    .orElse(s.offerId());
            pages.render(
                    ctx,
                    "store/cloudDone.jte",
                    new CloudDonePage(chrome(ctx), s.displayName(), s.id().toString(), offerName));
        }
    }

    private void renderBilling(Context ctx, BillingForm form, FieldErrors errors) {
        pages.render(
                ctx,
                "store/cloudBilling.jte",
                new CloudBillingPage(chrome(ctx), offer().displayName(), form, errors, CountryOption.all()));
    }

    private StoreProduct product() {
        return new StoreProduct(
                FREE_TRIAL,
                offer().displayName(),
                "Create your organisation and its free cloud subscription in one step.",
                "/store/cloud/signup",
                BILLING);
    }

    private Offer offer() {
        return subscriptions.catalog().requireOffer(FREE_TRIAL);
    }

    private Chrome chrome(Context ctx) {
        return pages.chrome(ctx, Chrome.Console.STORE);
    }

    private static String done(String subscriptionId) {
        return "/store/cloud/subscriptions/" + subscriptionId;
    }

    private static FieldErrors none() {
        return FieldErrors.none();
    }
}
