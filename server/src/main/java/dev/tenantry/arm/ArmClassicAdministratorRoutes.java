package dev.tenantry.arm;

import dev.tenantry.shared.Ids;
import dev.tenantry.subscriptions.ClassicAdministrator;
import dev.tenantry.subscriptions.SubscriptionAdministrators;
import dev.tenantry.web.Authentication;
import dev.tenantry.web.Gate;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * ARM's classic administrators of a subscription ({@code api-version=2015-07-01}), as scripts and the management
 * SDKs still read them: one row per user, {@code properties.role} such as {@code ServiceAdministrator;AccountAdministrator}
 * or {@code CoAdministrator}, and {@code properties.emailAddress} the user's mail or user principal name. See
 * https://learn.microsoft.com/rest/api/authorization/classic-administrators/list.
 */
public final class ArmClassicAdministratorRoutes {

    private static final String TYPE = "Microsoft.Authorization/classicAdministrators";

    private final SubscriptionAdministrators administrators;

    public ArmClassicAdministratorRoutes(SubscriptionAdministrators administrators) {
        this.administrators = administrators;
    }

    public void register(RoutesConfig routes) {
        routes.get(
                "/subscriptions/{subscriptionId}/providers/Microsoft.Authorization/classicAdministrators",
                this::list,
                Gate.MANAGEMENT);
    }

    private void list(Context ctx) {
        ArmJson.requireApiVersion(ctx);
        UUID subscriptionId = Ids.parseUuid(ctx.pathParam("subscriptionId"), "subscription id");
        List<Map<String, Object>> items = administrators.list(Authentication.caller(ctx), subscriptionId).stream()
                .map(admin -> row(subscriptionId, admin))
                .toList();
        ctx.json(ArmJson.list(items, null));
    }

    private static Map<String, Object> row(UUID subscriptionId, ClassicAdministrator admin) {
        Map<String, Object> properties = new LinkedHashMap<>();
        String mail = admin.user().mail();
        properties.put(
                "emailAddress", mail == null || mail.isBlank() ? admin.user().userPrincipalName() : mail);
        properties.put("role", admin.armRole());
        Map<String, Object> json = new LinkedHashMap<>();
        String name = admin.user().id().toString();
        json.put("id", "/subscriptions/" + subscriptionId + "/providers/" + TYPE + "/" + name);
        json.put("name", name);
        json.put("type", TYPE);
        json.put("properties", properties);
        return json;
    }
}
