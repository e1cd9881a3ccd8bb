package dev.tenantry.pages.admincenter;

import dev.tenantry.directory.User;
import dev.tenantry.directory.UserPatch;
import dev.tenantry.pages.Chrome;
import dev.tenantry.pages.DirectoryViews;
import dev.tenantry.pages.LicenceViews;
import dev.tenantry.pages.PageSupport;
import dev.tenantry.pages.store.CountryOption;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.DomainException;
import dev.tenantry.shared.ErrorCode;
import dev.tenantry.shared.TenantId;
import dev.tenantry.subscriptions.LicencePath;
import dev.tenantry.subscriptions.LicenceService;
import dev.tenantry.subscriptions.SubscribedSku;
import dev.tenantry.subscriptions.SubscriptionError;
import dev.tenantry.subscriptions.SubscriptionService;
import dev.tenantry.web.Failures;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A user's "Licenses and apps" in the admin center (issue 9, R13): its usage location and a checkbox per product of
 * the directory with the product's service plans. Saving sets the usage location, then makes one assignLicense call
 * with the products added (or whose plans changed) and removed; Graph's refusal is shown next to the product with the
 * fix (set the usage location here, buy licences). Licences a group gives are shown as such and change on the group.
 */
final class AdminUserLicenceRoutes {

    private static final String PATH = "/admin/users/{id}/licenses";

    private final PageSupport pages;
    private final DirectoryViews views;
    private final SubscriptionService subscriptions;
    private final LicenceViews licenceViews;
    private final LicenceService licences;

    AdminUserLicenceRoutes(
            PageSupport pages, DirectoryViews views, SubscriptionService subscriptions, LicenceViews licenceViews) {
        this.pages = pages;
        this.views = views;
        this.subscriptions = subscriptions;
        this.licenceViews = licenceViews;
        this.licences = licenceViews.service();
    }

    void register(RoutesConfig routes) {
        routes.get(PATH, this::show);
        routes.post(PATH, this::save);
    }

    private void show(Context ctx) {
        Optional<Caller> caller = pages.signedIn(ctx);
        if (caller.isPresent()) {
            Caller who = caller.get();
            User user = views.userService().getUser(who, tenant(ctx), ctx.pathParam("id"));
            List<SubscribedSku> products = subscriptions.subscribedSkus(who, tenant(ctx));
            List<LicencePath> paths =
                    licences.pathsOf(who, tenant(ctx), user.id().toString());
            UserLicencesForm form = UserLicencesForm.current(user.usageLocation(), paths, products);
            String notice = "saved".equals(ctx.queryParam("done")) ? "The licences were saved." : null;
            pages.render(
                    ctx,
                    "admincenter/user-licences.jte",
                    page(ctx, who, user, products, paths, form, null, null, Failure.NONE, notice));
        }
    }

    private void save(Context ctx) {
        pages.requireCsrf(ctx);
        Optional<Caller> caller = pages.signedIn(ctx);
        if (caller.isEmpty()) {
            return;
        }
        Caller who = caller.get();
        TenantId tenant = tenant(ctx);
        User user = views.userService().getUser(who, tenant, ctx.pathParam("id"));
        List<SubscribedSku> products = subscriptions.subscribedSkus(who, tenant);
        UserLicencesForm posted = UserLicencesForm.posted(ctx);
        String id = user.id().toString();
        boolean moved = posted.usageLocation() != null && !Objects.equals(posted.usageLocation(), user.usageLocation());
        UserLicencesForm.Change change = posted.changeFrom(
                UserLicencesForm.current(user.usageLocation(), licences.pathsOf(who, tenant, id), products), products);
        try {
            if (moved) {
                user = views.userService()
                        .updateUser(
                                who,
                                tenant,
                                id,
                                new UserPatch(null, null, null, null, null, posted.usageLocation(), null, null));
            }
        } catch (DomainException e) {
            refuse(ctx, who, user, products, posted, null, e, Failure.LOCATION, null);
            return;
        }
        try {
            if (!change.none()) {
                licences.assignLicense(who, tenant, id, change.add(), change.remove());
            }
            if (moved) {
                licences.reprocessUser(who, tenant, id); // group licences refused for want of a location
            }
        } catch (DomainException e) {
            // the usage location is a change of its own, saved before the licences were refused
            String notice = moved ? "The usage location was saved; the licences were not." : null;
            refuse(ctx, who, user, products, posted, change, e, Failure.LICENCE, notice);
            return;
        }
        ctx.redirect("/admin/users/" + DirectoryViews.encode(id) + "/licenses?done=saved", HttpStatus.SEE_OTHER);
    }

    /** What the refusal is about: nothing, the usage location, or the licences added. */
    private enum Failure {
        NONE,
        LOCATION,
        LICENCE
    }

    private void refuse(
            Context ctx,
            Caller caller,
            User user,
            List<SubscribedSku> products,
            UserLicencesForm posted,
            UserLicencesForm.Change change,
            DomainException e,
            Failure about,
            String notice) {
        ErrorCode.Kind kind = e.errorCode().kind();
        if (kind == ErrorCode.Kind.ACCESS_DENIED || kind == ErrorCode.Kind.NOT_FOUND) {
            throw e;
        }
        List<LicencePath> paths =
                licences.pathsOf(caller, tenant(ctx), user.id().toString());
        pages.render(
                ctx,
                "admincenter/user-licences.jte",
                page(ctx, caller, user, products, paths, posted, change, e, about, notice));
        ctx.status(Failures.statusOf(e));
    }

    private UserLicencesPage page(
            Context ctx,
            Caller caller,
            User user,
            List<SubscribedSku> products,
            List<LicencePath> paths,
            UserLicencesForm form,
            UserLicencesForm.Change change,
            DomainException e,
            Failure about,
            String notice) {
        String id = user.id().toString();
        Optional<LicenceViews.Problem> problem =
                about == Failure.LICENCE ? LicenceViews.problem(e, id) : Optional.empty();
        List<UserLicencesPage.Product> rows = products.stream()
                .map(product -> new UserLicencesPage.Product(
                        product.skuId().toString(),
                        licenceViews.productName(product.skuId()),
                        product.skuPartNumber(),
                        Math.max(0, product.enabledUnits() - product.consumedUnits()),
                        form.assigned(product),
                        product.servicePlans().stream()
                                .map(plan -> new UserLicencesPage.Plan(
                                        plan.id().toString(), plan.name(), form.enabled(product, plan)))
                                .toList(),
                        paths.stream()
                                .filter(p -> !p.direct() && p.skuId().equals(product.skuId()))
                                .map(p -> new UserLicencesPage.Inherited(
                                        p.group().id().toString(),
                                        p.group().displayName(),
                                        p.active() ? null : LicenceViews.problem(p.error(), id)))
                                .toList(),
                        problem.filter(x -> culprit(e, change, product)).orElse(null)))
                .toList();
        String error = about == Failure.LICENCE && problem.isEmpty() ? e.getMessage() : null;
        return new UserLicencesPage(
                pages.chrome(ctx, Chrome.Console.ADMIN),
                AdminSection.CONSOLE.nav(AdminSection.USERS, views.switcher(caller, tenant(ctx), "/admin")),
                id,
                user.displayName(),
                form.usageLocation() != null ? form.usageLocation() : user.usageLocation(),
                CountryOption.all(),
                rows,
                notice,
                error,
                about == Failure.LOCATION ? e.getMessage() : null);
    }

    /**
     * Whether the refusal {@code e} of {@code change} is about {@code product}: a missing usage location is about every
     * product added; a missing seat about the product Graph's message names (its SKU id).
     */
    private static boolean culprit(DomainException e, UserLicencesForm.Change change, SubscribedSku product) {
        if (change == null || !change.adds(product)) {
            return false;
        }
        return e.errorCode() != SubscriptionError.NO_AVAILABLE_LICENSES
                || e.getMessage().contains(product.skuId().toString());
    }

    private TenantId tenant(Context ctx) {
        return pages.session(ctx).tenantId();
    }
}
