package dev.tenantry.pages.store;

import dev.tenantry.directory.DirectoryRoleTemplate;
import dev.tenantry.directory.DirectoryService;
import dev.tenantry.pages.Chrome;
import dev.tenantry.pages.PageError;
import dev.tenantry.pages.PageSupport;
import dev.tenantry.shared.AccessDeniedException;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.Ids;
import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.shared.NotFoundException;
import dev.tenantry.shared.TenantId;
import dev.tenantry.subscriptions.Sku;
import dev.tenantry.subscriptions.SubscriptionError;
import dev.tenantry.subscriptions.SubscriptionService;
import dev.tenantry.subscriptions.SuiteSubscription;
import dev.tenantry.web.Failures;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The suite store: the plans, a free trial for a new organisation (R8), and "Confirm your order" for an existing
 * account, which needs the Global or Billing Administrator role (R6); a refusal names the roles and their holders.
 */
public final class SuiteStoreRoutes {

    private static final Set<DirectoryRoleTemplate> BUYERS =
            Set.of(DirectoryRoleTemplate.GLOBAL_ADMINISTRATOR, DirectoryRoleTemplate.BILLING_ADMINISTRATOR);

    private final PageSupport pages;
    private final SubscriptionService subscriptions;
    private final DirectoryService directory;
    private final OrganisationSignUp signUp;

    public SuiteStoreRoutes(PageSupport pages, SubscriptionService subscriptions, DirectoryService directory) {
        this.pages = pages;
        this.subscriptions = subscriptions;
        this.directory = directory;
        this.signUp = new OrganisationSignUp(pages, subscriptions, directory);
    }

    public void register(RoutesConfig routes) {
        routes.get("/store/suite", this::plans);
        routes.get("/store/suite/{sku}/trial", ctx -> signUp.show(ctx, trial(ctx), OrganisationForm.empty(), none()));
        routes.post("/store/suite/{sku}/trial", ctx -> signUp.submit(ctx, trial(ctx), s -> receipt(s.id())));
        routes.get("/store/suite/{sku}/confirm", this::confirm);
        routes.post("/store/suite/{sku}/confirm", this::order);
        routes.get("/store/suite/orders/{subscriptionId}", this::receipt);
    }

    private void plans(Context ctx) {
        var plans = subscriptions.catalog().skus().stream()
                .map(s -> new SuitePlansPage.Plan(s.partNumber(), s.displayName(), s.trialDays(), s.defaultSeats()))
                .toList();
        pages.render(ctx, "store/suite.jte", new SuitePlansPage(chrome(ctx), plans));
    }

    private void confirm(Context ctx) {
        if (pages.signedIn(ctx).isPresent()) {
            Sku sku = sku(ctx);
            renderConfirm(ctx, sku, String.valueOf(sku.defaultSeats()), none());
        }
    }

    private void order(Context ctx) {
        pages.requireCsrf(ctx);
        Optional<Caller> caller = pages.signedIn(ctx);
        if (caller.isEmpty()) {
            return;
        }
        Sku sku = sku(ctx);
        String seats = Optional.ofNullable(ctx.formParam("seats")).orElse("").strip();
        if (!seats.matches("\\d{1,6}")) {
            renderConfirm(ctx, sku, seats, FieldErrors.of("seats", "Enter the number of seats as a whole number."));
            ctx.status(HttpStatus.BAD_REQUEST);
            return;
        }
        try {
            SuiteSubscription bought =
                    subscriptions.buySuiteSubscription(caller.get(), sku.partNumber(), Integer.valueOf(seats), true);
            ctx.redirect(receipt(bought.id()), HttpStatus.SEE_OTHER);
        } catch (InvalidRequestException e) {
            if (e.errorCode() != SubscriptionError.INVALID_SEATS) {
                throw e;
            }
            renderConfirm(ctx, sku, seats, FieldErrors.of("seats", e.getMessage()));
            ctx.status(Failures.statusOf(e));
        } catch (AccessDeniedException e) {
            refused(ctx, e);
        }
    }

    private void refused(Context ctx, AccessDeniedException e) {
        if (e.requiredRoles().isEmpty()) {
            throw e;
        }
        var holders = directory.holdersOf(tenantOf(ctx), BUYERS).stream()
                .map(u -> new RoleRequiredPage.Holder(u.displayName(), u.userPrincipalName()))
                .toList();
        pages.render(
                ctx,
                "store/roleRequired.jte",
                new RoleRequiredPage(chrome(ctx), e.getMessage(), e.requiredRoles(), holders));
        ctx.status(HttpStatus.FORBIDDEN);
    }

    private void receipt(Context ctx) {
        Optional<Caller> caller = pages.signedIn(ctx);
        if (caller.isEmpty()) {
            return;
        }
        UUID id = Ids.parseUuid(ctx.pathParam("subscriptionId"), "subscription id");
        SuiteSubscription s = subscriptions.suiteSubscriptions(caller.get(), tenantOf(ctx)).stream()
                .filter(candidate -> candidate.id().equals(id))
                .findFirst()
                .orElseThrow(
                        () -> new NotFoundException(PageError.ORDER_NOT_FOUND, "There is no order '" + id + "' here."));
        String planName = subscriptions
                .catalog()
                .sku(s.skuPartNumber())
                .map(Sku::displayName)
                .orElse(s.skuPartNumber());
        String endsOn = s.trialEndsAt() == null
                ? null
                : s.trialEndsAt().atZone(ZoneOffset.UTC).toLocalDate().toString();
        pages.render(
                ctx,
                "store/suiteReceipt.jte",
                new SuiteReceiptPage(chrome(ctx), planName, s.id().toString(), s.seatsEnabled(), s.trial(), endsOn));
    }

    private void renderConfirm(Context ctx, Sku sku, String seats, FieldErrors errors) {
        pages.render(
                ctx,
                "store/suiteConfirm.jte",
                new SuiteConfirmPage(
                        chrome(ctx),
                        sku.partNumber(),
                        sku.displayName(),
                        sku.trialDays(),
                        seats,
                        sku.maxTrialSeats(),
                        errors));
    }

    private StoreProduct trial(Context ctx) {
        Sku sku = sku(ctx);
        return new StoreProduct(
                sku.partNumber(),
                sku.displayName(),
                "Try " + sku.displayName() + " free for " + sku.trialDays() + " days with " + sku.defaultSeats()
                        + " seats. Create your organisation, its first administrator and the trial in one step.",
                "/store/suite/" + sku.partNumber() + "/trial",
                "/store/suite/" + sku.partNumber() + "/confirm");
    }

    private Sku sku(Context ctx) {
        return subscriptions.catalog().requireSku(ctx.pathParam("sku"));
    }

    private TenantId tenantOf(Context ctx) {
        return pages.session(ctx).tenantId();
    }

    private Chrome chrome(Context ctx) {
        return pages.chrome(ctx, Chrome.Console.STORE);
    }

    private static String receipt(UUID subscriptionId) {
        return "/store/suite/orders/" + subscriptionId;
    }

    private static FieldErrors none() {
        return FieldErrors.none();
    }
}
