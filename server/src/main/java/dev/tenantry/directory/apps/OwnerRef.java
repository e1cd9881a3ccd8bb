package dev.tenantry.directory.apps;

import java.util.Objects;
import java.util.UUID;

/** An owner of an app registration or a service principal as stored: the object id of a user or a service principal. */
public record OwnerRef(UUID id, Kind kind) {

    /** What kind of directory object owns. */
    public enum Kind {
        USER,
        SERVICE_PRINCIPAL
    }

    public OwnerRef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
    }
}
