package dev.tenantry.testing;

import java.util.Comparator;
import java.util.UUID;

/**
 * The order SQL gives UUID columns: H2 and PostgreSQL compare the 128 bits unsigned, which is the order of the
 * canonical lower-case text, and not the order of {@link UUID#compareTo} (signed longs).
 */
public final class Uuids {

    /** Orders UUIDs as {@code ORDER BY id} does in H2 and PostgreSQL. */
    public static final Comparator<UUID> SQL_ORDER = Comparator.comparing(UUID::toString);

    private Uuids() {}
}
