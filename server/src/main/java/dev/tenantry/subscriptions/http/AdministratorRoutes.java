package dev.tenantry.subscriptions.http;

import dev.tenantry.shared.Caller;
import dev.tenantry.shared.Ids;
import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.shared.RequestError;
import dev.tenantry.shared.UserId;
import dev.tenantry.subscriptions.BillingOwnershipTransfers;
import dev.tenantry.subscriptions.BillingTransfer;
import dev.tenantry.subscriptions.ClassicAdministrator;
import dev.tenantry.subscriptions.ClassicRole;
import dev.tenantry.subscriptions.SubscriptionAdministrators;
import dev.tenantry.web.Authentication;
import dev.tenantry.web.Gate;
import dev.tenantry.web.Idempotency;
import dev.tenantry.web.JsonBody;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Tenantry's own API for a cloud subscription's classic administrators and the transfer of its billing ownership
 * (issue 10, R4): the account administrator changes the service administrator, the account or service administrator
 * adds and removes co-administrators, and the account administrator hands billing ownership to another user.
 */
public final class AdministratorRoutes {

    private static final String CLOUD = "/api/subscriptions/cloud/{id}";
    private static final String TRANSFERS = "/api/billingOwnershipTransfers";

    private final SubscriptionAdministrators administrators;
    private final BillingOwnershipTransfers transfers;
    private final Idempotency idempotency;

    public AdministratorRoutes(
            SubscriptionAdministrators administrators, BillingOwnershipTransfers transfers, Idempotency idempotency) {
        this.administrators = administrators;
        this.transfers = transfers;
        this.idempotency = idempotency;
    }

    public void register(RoutesConfig routes) {
        routes.get(CLOUD + "/administrators", this::list, Gate.MANAGEMENT);
        routes.post(CLOUD + "/serviceAdministrator", this::changeServiceAdministrator, Gate.MANAGEMENT);
        routes.post(CLOUD + "/coAdministrators", this::addCoAdministrator, Gate.MANAGEMENT);
        routes.delete(CLOUD + "/coAdministrators/{userId}", this::removeCoAdministrator, Gate.MANAGEMENT);
        routes.get(CLOUD + "/billingOwnershipTransfers", this::transfersOf, Gate.MANAGEMENT);
        routes.post(CLOUD + "/billingOwnershipTransfers", this::startTransfer, Gate.MANAGEMENT);
        routes.get(TRANSFERS, this::pending, Gate.MANAGEMENT);
        routes.post(TRANSFERS + "/{transferId}/accept", this::accept, Gate.MANAGEMENT);
        routes.post(TRANSFERS + "/{transferId}/cancel", this::cancel, Gate.MANAGEMENT);
    }

    private void list(Context ctx) {
        ctx.json(Map.of("value", views(administrators.list(Authentication.caller(ctx), subscriptionId(ctx)))));
    }

    private void changeServiceAdministrator(Context ctx) {
        Caller caller = Authentication.caller(ctx);
        UUID id = subscriptionId(ctx);
        UserId userId = userId(JsonBody.read(ctx, UserReference.class).userId(), "userId");
        idempotency.respond(
                ctx,
                caller.key(),
                "subscriptions/cloud/" + id + "/serviceAdministrator",
                () -> new Idempotency.Answer(
                        200, Map.of("value", views(administrators.changeServiceAdministrator(caller, id, userId)))));
    }

    private void addCoAdministrator(Context ctx) {
        Caller caller = Authentication.caller(ctx);
        UUID id = subscriptionId(ctx);
        UserId userId = userId(JsonBody.read(ctx, UserReference.class).userId(), "userId");
        idempotency.respond(ctx, caller.key(), "subscriptions/cloud/" + id + "/coAdministrators", () -> {
            SubscriptionAdministrators.Added added = administrators.addCoAdministrator(caller, id, userId);
            return new Idempotency.Answer(
                    added.created() ? 201 : 200,
                    view(added.administrator()),
                    "/api/subscriptions/cloud/" + id + "/coAdministrators/" + userId);
        });
    }

    private void removeCoAdministrator(Context ctx) {
        UserId userId = userId(ctx.pathParam("userId"), "userId");
        administrators.removeCoAdministrator(Authentication.caller(ctx), subscriptionId(ctx), userId);
        ctx.status(204);
    }

    private void transfersOf(Context ctx) {
        List<Map<String, Object>> items = transfers.transfers(Authentication.caller(ctx), subscriptionId(ctx)).stream()
                .map(AdministratorRoutes::view)
                .toList();
        ctx.json(Map.of("value", items));
    }

    private void startTransfer(Context ctx) {
        Caller caller = Authentication.caller(ctx);
        UUID id = subscriptionId(ctx);
        UserId recipient = userId(JsonBody.read(ctx, TransferRequest.class).recipientUserId(), "recipientUserId");
        idempotency.respond(ctx, caller.key(), "subscriptions/cloud/" + id + "/billingOwnershipTransfers", () -> {
            BillingTransfer transfer = transfers.start(caller, id, recipient);
            return new Idempotency.Answer(201, view(transfer), TRANSFERS + "/" + transfer.id());
        });
    }

    private void pending(Context ctx) {
        List<Map<String, Object>> items = transfers.pendingFor(Authentication.caller(ctx)).stream()
                .map(p -> view(p.transfer()))
                .toList();
        ctx.json(Map.of("value", items));
    }

    private void accept(Context ctx) {
        UUID transferId = Ids.parseUuid(ctx.pathParam("transferId"), "transfer id");
        ctx.json(CommerceViews.subscription(transfers.accept(Authentication.caller(ctx), transferId)));
    }

    private void cancel(Context ctx) {
        UUID transferId = Ids.parseUuid(ctx.pathParam("transferId"), "transfer id");
        ctx.json(view(transfers.cancel(Authentication.caller(ctx), transferId)));
    }

    private static UUID subscriptionId(Context ctx) {
        return Ids.parseUuid(ctx.pathParam("id"), "subscription id");
    }

    private static UserId userId(String text, String field) {
        if (text == null || text.isBlank()) {
            throw new InvalidRequestException(
                    RequestError.MISSING_FIELD, "'" + field + "' is required: the object id of a user.", field);
        }
        return new UserId(Ids.parseUuid(text, field));
    }

    private static List<Map<String, Object>> views(List<ClassicAdministrator> administrators) {
        return administrators.stream().map(AdministratorRoutes::view).toList();
    }

    private static Map<String, Object> view(ClassicAdministrator administrator) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("userId", administrator.user().id().toString());
        view.put("userPrincipalName", administrator.user().userPrincipalName());
        view.put("displayName", administrator.user().displayName());
        view.put(
                "roles",
                administrator.roles().stream()
                        .sorted()
                        .map(ClassicRole::armName)
                        .toList());
        return view;
    }

    private static Map<String, Object> view(BillingTransfer transfer) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", transfer.id().toString());
        view.put("subscriptionId", transfer.subscriptionId().toString());
        view.put("senderUserId", transfer.senderId().toString());
        view.put("recipientUserId", transfer.recipientId().toString());
        view.put("status", transfer.state().displayName());
        view.put("createdAt", transfer.createdAt().toString());
        view.put("expiresAt", transfer.expiresAt().toString());
        view.put(
                "completedAt",
                transfer.completedAt() == null ? null : transfer.completedAt().toString());
        view.put("acceptUrl", "/portal/transfers/" + transfer.id());
        return view;
    }

    record UserReference(String userId) {}

    record TransferRequest(String recipientUserId) {}
}
