package dev.tenantry.shared;

import java.util.Objects;
import java.util.UUID;

/** The object id of a user, a GUID as in Entra ID. */
public record UserId(UUID value) {

    public UserId {
        Objects.requireNonNull(value, "value");
    }

    /** A new id, as {@link NewIds#next} makes them ({@link Ids#timeOrdered}). */
    public static UserId next() {
        return new UserId(Ids.timeOrdered());
    }

    public static UserId parse(String text) {
        return new UserId(Ids.parseUuid(text, "user id"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
