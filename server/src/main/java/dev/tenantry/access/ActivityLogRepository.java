package dev.tenantry.access;

import dev.tenantry.shared.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Stores subscriptions' activity logs; entries are never changed. */
public interface ActivityLogRepository {

    void insert(ActivityEvent event);

    /**
     * The subscription's entries written while it was in {@code tenantId}'s directory (R14: what happened under a
     * directory it left stays that directory's) from {@code from} to {@code to} (both included), newest first then by id, at most
     * {@code limit}; {@code resourceGroup} and {@code resourceProvider} (a namespace such as
     * {@code Microsoft.Authorization}), when not null, keep those of that group or provider only (case ignored).
     */
    List<ActivityEvent> list(
            TenantId tenantId,
            UUID subscriptionId,
            Instant from,
            Instant to,
            String resourceGroup,
            String resourceProvider,
            int limit);
}
