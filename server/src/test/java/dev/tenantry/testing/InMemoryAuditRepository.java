package dev.tenantry.testing;

import dev.tenantry.directory.AuditEvent;
import dev.tenantry.directory.AuditRepository;
import dev.tenantry.shared.Page;
import dev.tenantry.shared.PageRequest;
import dev.tenantry.shared.TenantId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The audit log in a list, behaving as {@code JdbiAuditRepository}: newest first, then by id in SQL order. */
public final class InMemoryAuditRepository implements AuditRepository, Restorable {

    private static final Comparator<AuditEvent> NEWEST_FIRST =
            Comparator.comparing(AuditEvent::at).reversed().thenComparing(AuditEvent::id, Uuids.SQL_ORDER);

    private final List<AuditEvent> events = new ArrayList<>();

    @Override
    public void insert(AuditEvent event) {
        events.add(event);
    }

    @Override
    public Optional<AuditEvent> find(TenantId tenantId, UUID id) {
        return events.stream()
                .filter(e -> e.tenantId().equals(tenantId) && e.id().equals(id))
                .findFirst();
    }

    @Override
    public Page<AuditEvent> list(TenantId tenantId, String category, String activity, PageRequest page) {
        List<AuditEvent> sorted = events.stream()
                .filter(e -> e.tenantId().equals(tenantId))
                .filter(e -> category == null || e.category().equalsIgnoreCase(category))
                .filter(e -> activity == null || e.activity().equalsIgnoreCase(activity))
                .sorted(NEWEST_FIRST)
                .toList();
        int start = 0;
        if (page.after() != null) {
            while (start < sorted.size()
                    && !AuditRepository.positionOf(sorted.get(start)).equals(page.after())) {
                start++;
            }
            start++;
        }
        List<AuditEvent> fetched =
                sorted.subList(Math.min(start, sorted.size()), Math.min(start + page.size() + 1, sorted.size()));
        return Page.of(fetched, page.size(), AuditRepository::positionOf);
    }

    /** Every entry, in the order written. */
    public List<AuditEvent> all() {
        return List.copyOf(events);
    }

    @Override
    public Runnable snapshot() {
        List<AuditEvent> copy = List.copyOf(events);
        return () -> {
            events.clear();
            events.addAll(copy);
        };
    }
}
