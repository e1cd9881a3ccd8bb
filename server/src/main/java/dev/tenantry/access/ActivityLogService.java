package dev.tenantry.access;

import dev.tenantry.shared.Caller;
import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.shared.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Reading a subscription's activity log (ARM's {@code Microsoft.Insights/eventtypes/management/values}): any role on
 * the subscription reads all of it, a role on a resource group that group's part.
 */
public final class ActivityLogService {

    /** ARM answers at most 90 days per query. */
    static final Duration MAX_WINDOW = Duration.ofDays(90);

    /** The most entries one answer carries. */
    static final int MAX_EVENTS = 1000;

    private final AccessService access;
    private final ActivityLogRepository events;
    private final Transactions transactions;
    private final Clock clock;

    public ActivityLogService(
            AccessService access, ActivityLogRepository events, Transactions transactions, Clock clock) {
        this.access = access;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The subscription's entries of the last {@code window} (at most 90 days), newest first: the portal's view. */
    public List<ActivityEvent> recent(Caller caller, SubscriptionScope scope, Duration window) {
        Instant now = clock.instant();
        return events(caller, scope, now.minus(window), now, null, null);
    }

    /**
     * The subscription's entries from {@code from} to {@code to}, newest first; {@code resourceGroup}, when not null,
     * keeps that group's only, and then a role on the group is enough to read them; {@code resourceProvider}, when not
     * null, keeps that provider's only.
     */
    public List<ActivityEvent> events(
            Caller caller,
            SubscriptionScope scope,
            Instant from,
            Instant to,
            String resourceGroup,
            String resourceProvider) {
        if (from.isAfter(to)) {
            throw new InvalidRequestException(
                    AccessError.INVALID_TIME_WINDOW,
                    "The start of the time window (eventTimestamp ge) must not be after its end (eventTimestamp le).");
        }
        if (Duration.between(from, to).compareTo(MAX_WINDOW) > 0) {
            throw new InvalidRequestException(
                    AccessError.INVALID_TIME_WINDOW,
                    "The time window may span at most 90 days; narrow eventTimestamp ge/le.");
        }
        return transactions.inTransaction(() -> {
            access.requireRead(caller, resourceGroup == null ? scope : scope.resourceGroup(resourceGroup));
            return events.list(
                    scope.tenantId(), scope.subscriptionId(), from, to, resourceGroup, resourceProvider, MAX_EVENTS);
        });
    }
}
