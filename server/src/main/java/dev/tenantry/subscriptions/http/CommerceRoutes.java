package dev.tenantry.subscriptions.http;

import dev.tenantry.directory.tenants.TenantService;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.Ids;
import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.shared.TenantId;
import dev.tenantry.subscriptions.BillingDetails;
import dev.tenantry.subscriptions.Seats;
import dev.tenantry.subscriptions.SignUpResult;
import dev.tenantry.subscriptions.SubscriptionError;
import dev.tenantry.subscriptions.SubscriptionService;
import dev.tenantry.subscriptions.SuiteLifecycleService;
import dev.tenantry.subscriptions.SuiteSubscription;
import dev.tenantry.web.Authentication;
import dev.tenantry.web.Gate;
import dev.tenantry.web.Idempotency;
import dev.tenantry.web.JsonBody;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;

/**
 * Tenantry's own commerce API: the catalog, sign-up with no account, orders by signed-in users, and a suite
 * subscription's seats and life (buy or remove seats, buy a trial, cancel, reactivate).
 */
public final class CommerceRoutes {

    private static final String ANONYMOUS = "anonymous";
    private static final String SUITE = "/api/subscriptions/suite/";

    private final SubscriptionService subscriptions;
    private final TenantService tenants;
    private final Idempotency idempotency;

    private final SuiteLifecycleService lifecycle;

    public CommerceRoutes(
            SubscriptionService subscriptions,
            SuiteLifecycleService lifecycle,
            TenantService tenants,
            Idempotency idempotency) {
        this.subscriptions = subscriptions;
        this.lifecycle = lifecycle;
        this.tenants = tenants;
        this.idempotency = idempotency;
    }

    /** A change of one of the caller's suite subscriptions, by the caller, in the caller's directory. */
    private interface SuiteChange {
        SuiteSubscription apply(Caller caller, TenantId tenantId, UUID id);
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/catalog", this::catalog, Gate.ANONYMOUS);
        routes.get("/api/openapi.yaml", this::openApi, Gate.ANONYMOUS);
        routes.get("/api/domains/{prefix}/availability", this::availability, Gate.ANONYMOUS);
        routes.post("/api/signups", this::signUp, Gate.ANONYMOUS);
        routes.get("/api/tenants/{tenantId}", this::tenant, Gate.MANAGEMENT);
        routes.post("/api/subscriptions/cloud", this::createCloud, Gate.MANAGEMENT);
        routes.post("/api/subscriptions/suite", this::buySuite, Gate.MANAGEMENT);
        routes.get(SUITE + "{id}", this::suite, Gate.MANAGEMENT);
        routes.post(SUITE + "{id}/seats", this::seats, Gate.MANAGEMENT);
        routes.post(SUITE + "{id}/convert", this::convert, Gate.MANAGEMENT);
        routes.post(SUITE + "{id}/cancel", ctx -> changeSuite(ctx, "cancel", lifecycle::cancel), Gate.MANAGEMENT);
        routes.post(
                SUITE + "{id}/reactivate",
                ctx -> changeSuite(ctx, "reactivate", lifecycle::reactivate),
                Gate.MANAGEMENT);
    }

    private void seats(Context ctx) {
        CommerceRequests.SeatOrder body = JsonBody.read(ctx, CommerceRequests.SeatOrder.class);
        int change = Seats.change(body.add(), body.remove());
        changeSuite(ctx, "seats", (caller, tenant, id) -> lifecycle.changeSeats(caller, tenant, id, change));
    }

    /** The body is optional: without one, the directory's billing profile pays. */
    private void convert(Context ctx) {
        CommerceRequests.ConvertOrder body =
                JsonBody.readOrElse(ctx, CommerceRequests.ConvertOrder.class, new CommerceRequests.ConvertOrder(null));
        BillingDetails billing = CommerceRequests.billing(body.billingProfile());
        changeSuite(ctx, "convert", (caller, tenant, id) -> lifecycle.convertToPaid(caller, tenant, id, billing));
    }

    private void suite(Context ctx) {
        Caller caller = Authentication.caller(ctx);
        UUID id = Ids.parseUuid(ctx.pathParam("id"), "subscription id");
        ctx.json(CommerceViews.subscription(subscriptions.getSuiteSubscription(caller, tenantOf(caller), id)));
    }

    /** Applies {@code change} to the subscription of the path, once per Idempotency-Key; answers it changed. */
    private void changeSuite(Context ctx, String action, SuiteChange change) {
        Caller caller = Authentication.caller(ctx);
        UUID id = Ids.parseUuid(ctx.pathParam("id"), "subscription id");
        idempotency.respond(
                ctx,
                caller.key(),
                "subscriptions/suite/" + id + "/" + action,
                () -> new Idempotency.Answer(
                        200, CommerceViews.subscription(change.apply(caller, tenantOf(caller), id))));
    }

    /** The directory a management caller acts in: its suite subscriptions are the ones it may manage (R5). */
    private static TenantId tenantOf(Caller caller) {
        return caller.actingTenant()
                .orElseThrow(() -> new IllegalStateException("a management caller always acts in a directory"));
    }

    private void catalog(Context ctx) {
        ctx.json(CommerceViews.catalog(subscriptions.catalog()));
    }

    private void availability(Context ctx) {
        String prefix = ctx.pathParam("prefix");
        ctx.json(new CommerceViews.Availability(tenants.initialDomain(prefix), tenants.isDomainAvailable(prefix)));
    }

    private void signUp(Context ctx) {
        CommerceRequests.SignUpRequest body = JsonBody.read(ctx, CommerceRequests.SignUpRequest.class);
        idempotency.respond(ctx, ANONYMOUS, "signups", () -> {
            SignUpResult result = subscriptions.signUp(body.toSignUp());
            return new Idempotency.Answer(
                    201,
                    CommerceViews.signUp(result),
                    "/api/tenants/" + result.tenant().id());
        });
    }

    private void tenant(Context ctx) {
        TenantId id = TenantId.parse(ctx.pathParam("tenantId"));
        ctx.json(CommerceViews.tenant(tenants.getTenant(Authentication.caller(ctx), id)));
    }

    private void createCloud(Context ctx) {
        Caller caller = Authentication.caller(ctx);
        CommerceRequests.CloudOrder body = JsonBody.read(ctx, CommerceRequests.CloudOrder.class);
        idempotency.respond(
                ctx,
                caller.key(),
                "subscriptions/cloud",
                () -> new Idempotency.Answer(
                        201,
                        CommerceViews.subscription(subscriptions.createCloudSubscription(
                                caller,
                                body.offerId(),
                                body.displayName(),
                                CommerceRequests.billing(body.billingProfile())))));
    }

    private void buySuite(Context ctx) {
        Caller caller = Authentication.caller(ctx);
        CommerceRequests.SuiteOrder body = JsonBody.read(ctx, CommerceRequests.SuiteOrder.class);
        idempotency.respond(
                ctx,
                caller.key(),
                "subscriptions/suite",
                () -> new Idempotency.Answer(
                        201,
                        CommerceViews.subscription(subscriptions.buySuiteSubscription(
                                caller, body.skuPartNumber(), body.seats(), body.trial()))));
    }

    private void openApi(Context ctx) throws IOException {
        try (InputStream in = CommerceRoutes.class.getResourceAsStream("/api/openapi.yaml")) {
            if (in == null) {
                throw new InvalidRequestException(
                        SubscriptionError.OPENAPI_MISSING, "The OpenAPI document is missing from the build.");
            }
            ctx.contentType("application/yaml").result(in.readAllBytes());
        }
    }
}
