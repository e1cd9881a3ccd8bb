package dev.tenantry.access;

import dev.tenantry.directory.User;
import dev.tenantry.directory.UserRepository;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.Ids;
import java.time.Clock;
import java.util.UUID;

/**
 * Writes subscriptions' activity logs. Services call it inside the transaction that makes the change, so an entry
 * exists exactly when its change does. Operation names are ARM's ({@code Microsoft.Authorization/roleAssignments/write}).
 */
public final class ActivityLog {

    private final ActivityLogRepository events;
    private final UserRepository users;
    private final Clock clock;

    public ActivityLog(ActivityLogRepository events, UserRepository users, Clock clock) {
        this.events = events;
        this.users = users;
        this.clock = clock;
    }

    /**
     * Records that {@code caller} did {@code operationName} on {@code resourceId} (of {@code resourceType}) in
     * {@code scope}; {@code subStatus} is ARM's ({@code Created}, {@code OK}).
     */
    public void record(
            Caller caller,
            AccessScope scope,
            String operationName,
            String resourceType,
            String resourceId,
            String subStatus) {
        events.insert(new ActivityEvent(
                Ids.timeOrdered(),
                scope.tenantId(),
                scope.subscriptionId(),
                scope.resourceGroupName().orElse(null),
                clock.instant(),
                operationName,
                resourceType,
                resourceId,
                scope.path(),
                subStatus,
                callerId(caller),
                callerName(caller),
                UUID.randomUUID()));
    }

    private static UUID callerId(Caller caller) {
        return switch (caller) {
            case Caller.User user -> user.userId().value();
            case Caller.App app -> app.servicePrincipalId();
            case Caller.Operator ignored -> null;
        };
    }

    /** ARM names a user by its user principal name and an application by its application (client) id. */
    private String callerName(Caller caller) {
        return switch (caller) {
            case Caller.User user ->
                users.findById(user.tenantId(), user.userId())
                        .map(User::userPrincipalName)
                        .orElse(user.userId().toString());
            case Caller.App app -> app.appId().toString();
            case Caller.Operator ignored -> "Tenantry";
        };
    }
}
