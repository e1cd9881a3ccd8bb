package dev.tenantry.testing;

import dev.tenantry.access.ActivityEvent;
import dev.tenantry.access.ActivityLogRepository;
import dev.tenantry.shared.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** Subscriptions' activity logs in a list, behaving as {@code JdbiActivityLogRepository}: newest first, then by id. */
public final class InMemoryActivityLogRepository implements ActivityLogRepository, Restorable {

    private static final Comparator<ActivityEvent> NEWEST_FIRST =
            Comparator.comparing(ActivityEvent::at).reversed().thenComparing(ActivityEvent::id, Uuids.SQL_ORDER);

    private final List<ActivityEvent> events = new ArrayList<>();

    @Override
    public void insert(ActivityEvent event) {
        events.add(event);
    }

    @Override
    public List<ActivityEvent> list(
            TenantId tenantId,
            UUID subscriptionId,
            Instant from,
            Instant to,
            String resourceGroup,
            String resourceProvider,
            int limit) {
        return events.stream()
                .filter(e -> e.subscriptionId().equals(subscriptionId)
                        && e.tenantId().equals(tenantId))
                .filter(e -> !e.at().isBefore(from) && !e.at().isAfter(to))
                .filter(e -> resourceGroup == null || resourceGroup.equalsIgnoreCase(e.resourceGroup()))
                .filter(e -> resourceProvider == null || resourceProvider.equalsIgnoreCase(e.resourceProvider()))
                .sorted(NEWEST_FIRST)
                .limit(limit)
                .toList();
    }

    @Override
    public Runnable snapshot() {
        List<ActivityEvent> copy = List.copyOf(events);
        return () -> {
            events.clear();
            events.addAll(copy);
        };
    }
}
