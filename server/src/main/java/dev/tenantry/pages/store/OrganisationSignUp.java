package dev.tenantry.pages.store;

import dev.tenantry.directory.tenants.TenantService;
import dev.tenantry.pages.Chrome;
import dev.tenantry.pages.PageSupport;
import dev.tenantry.shared.DomainException;
import dev.tenantry.subscriptions.SignUpResult;
import dev.tenantry.subscriptions.Subscription;
import dev.tenantry.subscriptions.SubscriptionService;
import dev.tenantry.web.Failures;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.function.Function;

/**
 * The new-organisation form of both stores (R8): one sign-up makes the directory, its admin and the subscription, then
 * the new admin is signed in (a new session) and sent on; a wrong field comes back next to that field.
 */
final class OrganisationSignUp {

    private final PageSupport pages;
    private final SubscriptionService subscriptions;
    private final String domainSuffix;

    OrganisationSignUp(PageSupport pages, SubscriptionService subscriptions, TenantService tenants) {
        this.pages = pages;
        this.subscriptions = subscriptions;
        this.domainSuffix = tenants.initialDomain("x").substring(2);
    }

    void show(Context ctx, StoreProduct product, OrganisationForm form, FieldErrors errors) {
        pages.render(
                ctx,
                "store/newOrganisation.jte",
                new NewOrganisationPage(
                        pages.chrome(ctx, Chrome.Console.STORE),
                        product.name(),
                        product.offerText(),
                        product.action(),
                        product.signInUrl(),
                        product.existingAccountUrl(),
                        domainSuffix,
                        form,
                        errors,
                        CountryOption.all()));
    }

    void submit(Context ctx, StoreProduct product, Function<Subscription, String> next) {
        pages.requireCsrf(ctx);
        OrganisationForm form = OrganisationForm.from(ctx);
        String password = ctx.formParam("password");
        try {
            SignUpResult result = subscriptions.signUp(form.toSignUp(product.id(), password));
            String upn = result.admin().userPrincipalName();
            pages.signedInAs(ctx, pages.sessions().signIn(ctx.cookie(PageSupport.COOKIE), upn, password));
            ctx.redirect(next.apply(result.subscription()), HttpStatus.SEE_OTHER);
        } catch (DomainException e) {
            show(ctx, product, form, SignUpErrors.of(e).orElseThrow(() -> e));
            ctx.status(Failures.statusOf(e));
        }
    }
}
