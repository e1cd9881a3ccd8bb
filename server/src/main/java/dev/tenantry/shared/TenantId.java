package dev.tenantry.shared;

import java.util.Objects;
import java.util.UUID;

/** The id of a directory (tenant), a GUID as in Entra ID. */
public record TenantId(UUID value) {

    public TenantId {
        Objects.requireNonNull(value, "value");
    }

    public static TenantId random() {
        return new TenantId(UUID.randomUUID());
    }

    public static TenantId parse(String text) {
        return new TenantId(Ids.parseUuid(text, "tenant id"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
