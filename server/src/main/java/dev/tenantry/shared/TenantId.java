package dev.tenantry.shared;

import java.util.Objects;
import java.util.UUID;

/** The id of a directory (tenant), a GUID as in Entra ID. */
public record TenantId(UUID value) {

    public TenantId {
        Objects.requireNonNull(value, "value");
    }

    /** A new id, as {@link NewIds#next} makes them ({@link Ids#timeOrdered}). */
    public static TenantId next() {
        return new TenantId(Ids.timeOrdered());
    }

    public static TenantId parse(String text) {
        return new TenantId(Ids.parseUuid(text, "tenant id"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
