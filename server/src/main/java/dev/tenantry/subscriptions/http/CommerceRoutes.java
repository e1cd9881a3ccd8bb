package dev.tenantry.subscriptions.http;

import dev.tenantry.directory.DirectoryService;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.shared.TenantId;
import dev.tenantry.subscriptions.SignUpResult;
import dev.tenantry.subscriptions.SubscriptionError;
import dev.tenantry.subscriptions.SubscriptionService;
import dev.tenantry.web.Authentication;
import dev.tenantry.web.Gate;
import dev.tenantry.web.Idempotency;
import dev.tenantry.web.JsonBody;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;

/** Tenantry's own commerce API: the catalog, sign-up with no account, and orders by signed-in users. */
public final class CommerceRoutes {

    private static final String ANONYMOUS = "anonymous";

    private final SubscriptionService subscriptions;
    private final DirectoryService directory;
    private final Idempotency idempotency;

    public CommerceRoutes(SubscriptionService subscriptions, DirectoryService directory, Idempotency idempotency) {
        this.subscriptions = subscriptions;
        this.directory = directory;
        this.idempotency = idempotency;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/catalog", this::catalog, Gate.ANONYMOUS);
        routes.get("/api/openapi.yaml", this::openApi, Gate.ANONYMOUS);
        routes.get("/api/domains/{prefix}/availability", this::availability, Gate.ANONYMOUS);
        routes.post("/api/signups", this::signUp, Gate.ANONYMOUS);
        routes.get("/api/tenants/{tenantId}", this::tenant, Gate.MANAGEMENT);
        routes.post("/api/subscriptions/cloud", this::createCloud, Gate.MANAGEMENT);
        routes.post("/api/subscriptions/suite", this::buySuite, Gate.MANAGEMENT);
    }

    private void catalog(Context ctx) {
        ctx.json(CommerceViews.catalog(subscriptions.catalog()));
    }

    private void availability(Context ctx) {
        String prefix = ctx.pathParam("prefix");
        ctx.json(new CommerceViews.Availability(directory.initialDomain(prefix), directory.isDomainAvailable(prefix)));
    }

    private void signUp(Context ctx) {
        CommerceRequests.SignUpRequest body = JsonBody.read(ctx, CommerceRequests.SignUpRequest.class);
        idempotency.respond(ctx, ANONYMOUS, "signups", () -> {
            SignUpResult result = subscriptions.signUp(body.toSignUp());
            ctx.header("Location", "/api/tenants/" + result.tenant().id());
            return new Idempotency.Answer(201, CommerceViews.signUp(result));
        });
    }

    private void tenant(Context ctx) {
        TenantId id = TenantId.parse(ctx.pathParam("tenantId"));
        ctx.json(CommerceViews.tenant(directory.getTenant(Authentication.caller(ctx), id)));
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
                                caller, body.skuPartNumber(), body.seats(), body.trial() == null || body.trial()))));
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
