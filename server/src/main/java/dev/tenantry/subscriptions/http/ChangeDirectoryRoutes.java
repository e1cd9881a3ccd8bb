package dev.tenantry.subscriptions.http;

import dev.tenantry.shared.Caller;
import dev.tenantry.shared.Ids;
import dev.tenantry.subscriptions.ChangeDirectoryService;
import dev.tenantry.web.Authentication;
import dev.tenantry.web.Gate;
import dev.tenantry.web.Idempotency;
import dev.tenantry.web.JsonBody;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** R11 in the commerce API: {@code POST /api/subscriptions/cloud/{id}/changeDirectory {"targetTenantId"}}. */
public final class ChangeDirectoryRoutes {

    private final ChangeDirectoryService changes;
    private final Idempotency idempotency;

    public ChangeDirectoryRoutes(ChangeDirectoryService changes, Idempotency idempotency) {
        this.changes = changes;
        this.idempotency = idempotency;
    }

    public void register(RoutesConfig routes) {
        routes.post("/api/subscriptions/cloud/{id}/changeDirectory", this::changeDirectory, Gate.MANAGEMENT);
    }

    record ChangeDirectoryRequest(String targetTenantId) {}

    private void changeDirectory(Context ctx) {
        Caller caller = Authentication.caller(ctx);
        UUID id = Ids.parseUuid(ctx.pathParam("id"), "subscription id");
        ChangeDirectoryRequest body = JsonBody.read(ctx, ChangeDirectoryRequest.class);
        idempotency.respond(ctx, caller.key(), "subscriptions/cloud/" + id + "/changeDirectory", () -> {
            ChangeDirectoryService.Moved moved = changes.changeDirectory(caller, id, body.targetTenantId());
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("subscription", CommerceViews.subscription(moved.subscription()));
            answer.put("previousTenantId", moved.from().toString());
            answer.put("roleAssignmentsRemoved", moved.roleAssignmentsRemoved());
            answer.put("coAdministratorsRemoved", moved.coAdministratorsRemoved());
            return new Idempotency.Answer(200, answer);
        });
    }
}
