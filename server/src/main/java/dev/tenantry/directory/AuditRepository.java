package dev.tenantry.directory;

import dev.tenantry.shared.Page;
import dev.tenantry.shared.PageRequest;
import dev.tenantry.shared.TenantId;
import java.util.Optional;
import java.util.UUID;

/** Stores the directory's audit log; entries are never changed. */
public interface AuditRepository {

    void insert(AuditEvent event);

    Optional<AuditEvent> find(TenantId tenantId, UUID id);

    /**
     * A page of the directory's entries, newest first (then by id), keyed by {@link #positionOf}; {@code category} and
     * {@code activity}, when not null, must match exactly (case ignored).
     */
    Page<AuditEvent> list(TenantId tenantId, String category, String activity, PageRequest page);

    /** The keyset position of an entry: its instant in epoch nanoseconds, a NUL, its id. */
    static String positionOf(AuditEvent event) {
        long nanos = java.time.temporal.ChronoUnit.NANOS.between(java.time.Instant.EPOCH, event.at());
        return nanos + "\u0000" + event.id();
    }
}
