package dev.tenantry.arm;

import dev.tenantry.access.ActivityEvent;
import dev.tenantry.access.ActivityLogService;
import dev.tenantry.access.SubscriptionScope;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.Ids;
import dev.tenantry.subscriptions.SubscriptionService;
import dev.tenantry.web.Authentication;
import dev.tenantry.web.Gate;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * ARM's activity log for a subscription ({@code Microsoft.Insights/eventtypes/management/values}, api-version
 * 2015-04-01): the administrative events of role assignments and resource groups, in ARM's {@code EventData} shape.
 */
public final class ArmActivityLogRoutes {

    private static final String PATH =
            "/subscriptions/{subscriptionId}/providers/Microsoft.Insights/eventtypes/management/values";
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS'Z'").withZone(ZoneOffset.UTC);
    /** .NET ticks (100 ns since 0001-01-01) at the Unix epoch: ARM's event ids end in the event's ticks. */
    private static final long EPOCH_TICKS = 621_355_968_000_000_000L;

    private static final Map<String, String> LOCALIZED = Map.of(
            "Microsoft.Authorization/roleAssignments/write", "Create role assignment",
            "Microsoft.Authorization/roleAssignments/delete", "Delete role assignment",
            "Microsoft.Resources/subscriptions/resourceGroups/write", "Update resource group",
            "Microsoft.Resources/subscriptions/resourceGroups/delete", "Delete resource group");

    private final SubscriptionService subscriptions;
    private final ActivityLogService activityLog;

    public ArmActivityLogRoutes(SubscriptionService subscriptions, ActivityLogService activityLog) {
        this.subscriptions = subscriptions;
        this.activityLog = activityLog;
    }

    public void register(RoutesConfig routes) {
        routes.get(PATH, this::list, Gate.MANAGEMENT);
        routes.get(PATH.replace("/eventtypes/", "/eventTypes/"), this::list, Gate.MANAGEMENT);
    }

    private void list(Context ctx) {
        ArmJson.requireApiVersion(ctx);
        ArmJson.requireKnownOptions(ctx, Set.of("$filter"));
        ArmActivityLogFilter filter = ArmActivityLogFilter.parse(ctx.queryParam("$filter"));
        Caller caller = Authentication.caller(ctx);
        UUID id = Ids.parseUuid(ctx.pathParam("subscriptionId"), "subscription id");
        SubscriptionScope scope = subscriptions.scope(caller, id);
        List<Map<String, Object>> items = activityLog
                .events(caller, scope, filter.from(), filter.to(), filter.resourceGroup(), filter.resourceProvider())
                .stream()
                .map(ArmActivityLogRoutes::eventData)
                .toList();
        ctx.json(ArmJson.list(items, null));
    }

    /** One event in ARM's {@code EventData} shape (an administrative operation that ended). */
    static Map<String, Object> eventData(ActivityEvent event) {
        String operation = event.operationName();
        boolean created = event.subStatus().equals("Created");
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("authorization", Map.of("action", operation, "scope", event.authorizationScope()));
        json.put("caller", event.callerName());
        json.put("channels", "Operation");
        json.put("claims", Map.of());
        json.put("correlationId", event.correlationId().toString());
        json.put("description", "");
        json.put("eventDataId", event.id().toString());
        json.put("eventName", named("EndRequest", "End request"));
        json.put("category", named("Administrative", "Administrative"));
        json.put("id", event.resourceId() + "/events/" + event.id() + "/ticks/" + ticks(event.at()));
        json.put("level", "Informational");
        json.put("resourceGroupName", event.resourceGroup());
        json.put("resourceProviderName", named(event.resourceProvider(), event.resourceProvider()));
        json.put("resourceId", event.resourceId());
        json.put("resourceType", named(event.resourceType(), event.resourceType()));
        json.put("operationId", event.correlationId().toString());
        json.put("operationName", named(operation, LOCALIZED.getOrDefault(operation, operation)));
        json.put("properties", Map.of("statusCode", created ? "Created" : "OK", "serviceRequestId", event.id()));
        json.put("status", named("Succeeded", "Succeeded"));
        json.put(
                "subStatus",
                named(event.subStatus(), event.subStatus() + " (HTTP Status Code: " + (created ? 201 : 200) + ")"));
        json.put("eventTimestamp", TIME.format(event.at()));
        json.put("submissionTimestamp", TIME.format(event.at()));
        json.put("subscriptionId", event.subscriptionId().toString());
        json.put("tenantId", event.tenantId().toString());
        return json;
    }

    private static Map<String, String> named(String value, String localized) {
        return Map.of("value", value, "localizedValue", localized);
    }

    private static long ticks(Instant at) {
        return EPOCH_TICKS + at.getEpochSecond() * 10_000_000L + at.getNano() / 100;
    }
}
