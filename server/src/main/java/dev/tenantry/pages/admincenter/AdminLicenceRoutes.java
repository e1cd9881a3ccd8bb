package dev.tenantry.pages.admincenter;

import dev.tenantry.access.AccessError;
import dev.tenantry.pages.Chrome;
import dev.tenantry.pages.ConsoleNav;
import dev.tenantry.pages.DirectoryViews;
import dev.tenantry.pages.LicenceViews;
import dev.tenantry.pages.PageSupport;
import dev.tenantry.pages.UserList;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.DomainException;
import dev.tenantry.shared.ErrorCode;
import dev.tenantry.shared.Ids;
import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.shared.NotFoundException;
import dev.tenantry.shared.RequestError;
import dev.tenantry.shared.TenantId;
import dev.tenantry.subscriptions.LicencePath;
import dev.tenantry.subscriptions.LicenceService;
import dev.tenantry.subscriptions.LicenceService.AddLicence;
import dev.tenantry.subscriptions.SubscribedSku;
import dev.tenantry.subscriptions.SubscriptionService;
import dev.tenantry.web.Failures;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The admin center's "Billing / Licenses" (issue 9, R13): each product with its licences assigned and available, and a
 * product's page with who holds it and who is in error, "Assign licences" to users picked by name, and "Unassign"
 * per directly assigned user. The licence service decides; a user it refuses is shown with Graph's message and the
 * fix next to it.
 */
final class AdminLicenceRoutes {

    static final String LICENSES = "/admin/billing/licenses";

    private final PageSupport pages;
    private final DirectoryViews views;
    private final SubscriptionService subscriptions;
    private final LicenceViews licenceViews;
    private final LicenceService licences;

    AdminLicenceRoutes(
            PageSupport pages, DirectoryViews views, SubscriptionService subscriptions, LicenceViews licenceViews) {
        this.pages = pages;
        this.views = views;
        this.subscriptions = subscriptions;
        this.licenceViews = licenceViews;
        this.licences = licenceViews.service();
    }

    void register(RoutesConfig routes) {
        routes.get(LICENSES, this::list);
        routes.get(LICENSES + "/{skuId}", this::show);
        routes.post(LICENSES + "/{skuId}/assign", this::assign);
        routes.post(LICENSES + "/{skuId}/unassign", this::unassign);
    }

    private void list(Context ctx) {
        Optional<Caller> caller = pages.signedIn(ctx);
        if (caller.isPresent()) {
            List<LicensesPage.Product> products = subscriptions.subscribedSkus(caller.get(), tenant(ctx)).stream()
                    .map(this::product)
                    .toList();
            pages.render(
                    ctx, "admincenter/licenses.jte", new LicensesPage(chrome(ctx), nav(ctx, caller.get()), products));
        }
    }

    private void show(Context ctx) {
        Optional<Caller> caller = pages.signedIn(ctx);
        if (caller.isPresent()) {
            UUID skuId = skuId(ctx);
            render(ctx, caller.get(), skuId, picker(ctx, caller.get(), skuId), notice(ctx), null);
        }
    }

    /** Assigns the product to each picked user (by UPN) on its own; those refused are shown with why and the fix. */
    private void assign(Context ctx) {
        pages.requireCsrf(ctx);
        Optional<Caller> caller = pages.signedIn(ctx);
        if (caller.isEmpty()) {
            return;
        }
        UUID skuId = skuId(ctx);
        List<String> picked = ctx.formParams("users");
        if (picked.isEmpty()) {
            render(ctx, caller.get(), skuId, picker(ctx, caller.get(), skuId), null, "Pick at least one user.");
            ctx.status(HttpStatus.BAD_REQUEST);
            return;
        }
        Set<String> holding = licences.holdersOf(caller.get(), tenant(ctx), skuId.toString()).stream()
                .filter(LicencePath::direct)
                .map(p -> p.user().userPrincipalName())
                .collect(Collectors.toSet());
        List<LicensePage.Candidate> refused = new ArrayList<>();
        DomainException first = null;
        int assigned = 0;
        for (String upn : picked) {
            if (holding.contains(upn)) {
                continue; // assigning again would turn its disabled plans back on
            }
            try {
                licences.assignLicense(
                        caller.get(), tenant(ctx), upn, List.of(new AddLicence(skuId.toString(), null)), List.of());
                assigned++;
            } catch (DomainException e) {
                if (e.errorCode().kind() == ErrorCode.Kind.ACCESS_DENIED) {
                    throw e;
                }
                first = first == null ? e : first;
                refused.add(refused(caller.get(), ctx, upn, e));
            }
        }
        if (first == null) {
            ctx.redirect(LICENSES + "/" + skuId + "?done=assigned&count=" + assigned, HttpStatus.SEE_OTHER);
            return;
        }
        String notice = assigned == 0 ? null : assignedNotice(assigned);
        render(ctx, caller.get(), skuId, new LicensePage.Picker("", refused, null), notice, null);
        ctx.status(Failures.statusOf(first));
    }

    private void unassign(Context ctx) {
        pages.requireCsrf(ctx);
        Optional<Caller> caller = pages.signedIn(ctx);
        if (caller.isEmpty()) {
            return;
        }
        UUID skuId = skuId(ctx);
        String user = ctx.formParam("user");
        if (user == null || user.isBlank()) {
            throw new InvalidRequestException(RequestError.MISSING_FIELD, "Say which user to unassign.", "user");
        }
        licences.assignLicense(caller.get(), tenant(ctx), user, List.of(), List.of(skuId.toString()));
        ctx.redirect(LICENSES + "/" + skuId + "?done=unassigned", HttpStatus.SEE_OTHER);
    }

    /** A picked user that was refused, with its name when it can be read and the refusal's fix when there is one. */
    private LicensePage.Candidate refused(Caller caller, Context ctx, String upn, DomainException e) {
        if (e.errorCode().kind() == ErrorCode.Kind.NOT_FOUND) {
            return new LicensePage.Candidate(upn, upn, false, new LicenceViews.Problem(e.getMessage(), null, null));
        }
        var user = views.userService().getUser(caller, tenant(ctx), upn);
        return new LicensePage.Candidate(
                upn,
                user.displayName(),
                true,
                LicenceViews.problem(e, user.id().toString())
                        .orElseGet(() -> new LicenceViews.Problem(e.getMessage(), null, null)));
    }

    private void render(
            Context ctx, Caller caller, UUID skuId, LicensePage.Picker picker, String notice, String error) {
        SubscribedSku sku = subscriptions.subscribedSkus(caller, tenant(ctx)).stream()
                .filter(s -> s.skuId().equals(skuId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException(
                        AccessError.SUBSCRIPTION_NOT_FOUND,
                        "This directory has no subscription of the product '" + skuId + "'."));
        List<LicensePage.Holder> holders = licences.holdersOf(caller, tenant(ctx), skuId.toString()).stream()
                .map(AdminLicenceRoutes::holder)
                .toList();
        pages.render(
                ctx,
                "admincenter/license.jte",
                new LicensePage(chrome(ctx), nav(ctx, caller), product(sku), holders, picker, notice, error));
    }

    private static LicensePage.Holder holder(LicencePath path) {
        String userId = path.user().id().toString();
        return new LicensePage.Holder(
                userId,
                path.user().displayName(),
                path.user().userPrincipalName(),
                path.direct() ? null : path.group().id().toString(),
                path.direct() ? null : path.group().displayName(),
                path.active() ? null : LicenceViews.problem(path.error(), userId));
    }

    /** The directory's users to pick from, by the page's {@code ?search=} and {@code ?page=}. */
    private LicensePage.Picker picker(Context ctx, Caller caller, UUID skuId) {
        UserList users = views.users(ctx, caller, tenant(ctx), LICENSES + "/" + skuId);
        return new LicensePage.Picker(
                users.search(),
                users.rows().stream()
                        .map(row -> new LicensePage.Candidate(row.userPrincipalName(), row.displayName(), false, null))
                        .toList(),
                users.nextHref());
    }

    private LicensesPage.Product product(SubscribedSku sku) {
        return new LicensesPage.Product(
                sku.skuId().toString(),
                licenceViews.productName(sku.skuId()),
                sku.skuPartNumber(),
                sku.capabilityStatus().graphName(),
                sku.consumedUnits(),
                Math.max(0, sku.enabledUnits() - sku.consumedUnits()),
                sku.enabledUnits());
    }

    private static UUID skuId(Context ctx) {
        return Ids.parseUuid(ctx.pathParam("skuId"), "skuId");
    }

    private static String notice(Context ctx) {
        return switch (ctx.queryParam("done") == null ? "" : ctx.queryParam("done")) {
            case "assigned" -> assignedNotice(count(ctx.queryParam("count")));
            case "unassigned" -> "The licence was unassigned.";
            default -> null;
        };
    }

    private static int count(String text) {
        try {
            return text == null ? 0 : Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String assignedNotice(int assigned) {
        if (assigned == 0) {
            return "The users picked hold a licence already.";
        }
        return assigned == 1
                ? "A licence was assigned to 1 user."
                : "Licences were assigned to " + assigned + " users.";
    }

    private ConsoleNav nav(Context ctx, Caller caller) {
        return AdminSection.CONSOLE.nav(AdminSection.BILLING, views.switcher(caller, tenant(ctx), "/admin"));
    }

    private TenantId tenant(Context ctx) {
        return pages.session(ctx).tenantId();
    }

    private Chrome chrome(Context ctx) {
        return pages.chrome(ctx, Chrome.Console.ADMIN);
    }
}
