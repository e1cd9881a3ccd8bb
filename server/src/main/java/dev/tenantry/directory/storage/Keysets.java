package dev.tenantry.directory.storage;

import dev.tenantry.shared.Ids;
import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.shared.RequestError;
import java.util.Locale;
import java.util.UUID;
import org.jdbi.v3.core.statement.SqlStatement;

/** The SQL of directory lists: keyset positions by id or by display name, and {@code LIKE} patterns. */
final class Keysets {

    /** The condition after a position; binds {@code :after} (and {@code :afterName}) through {@link #bindAfter}. */
    static String after(boolean byName) {
        return byName
                ? " AND (LOWER(display_name) > :afterName OR (LOWER(display_name) = :afterName AND id > :after))"
                : " AND id > :after";
    }

    static String order(boolean byName) {
        // tenant_id first (every list is of one tenant, so the order is the same): with it and the range of
        // #firstPage, H2 reads the (tenant_id, id) index in order and stops after a page, where it used the foreign
        // key's index on tenant_id alone and sorted the whole tenant (issue 13: seconds at 100 000 users)
        return byName ? " ORDER BY LOWER(display_name), id" : " ORDER BY tenant_id, id";
    }

    /** The condition of an unfiltered first page by id (every id is at least the nil UUID); binds {@code :firstId}. */
    static String firstPage(boolean byName) {
        return byName ? "" : " AND id >= :firstId";
    }

    /** Binds what {@link #firstPage} names. */
    static void bindFirstPage(SqlStatement<?> query, boolean byName) {
        if (!byName) {
            query.bind("firstId", new UUID(0, 0));
        }
    }

    /** Binds a position: an id, or a lower-cased display name, a NUL and an id. */
    static void bindAfter(SqlStatement<?> query, String after, boolean byName) {
        if (!byName) {
            query.bind("after", Ids.parseUuid(after, "page position"));
            return;
        }
        int separator = after.lastIndexOf('\u0000');
        if (separator < 0) {
            throw new InvalidRequestException(RequestError.INVALID_ID, "The page position is not valid here.");
        }
        query.bind("afterName", after.substring(0, separator));
        query.bind("after", Ids.parseUuid(after.substring(separator + 1), "page position"));
    }

    /** {@code value} lower-cased and escaped for {@code LIKE … ESCAPE '\'}: its wildcards match themselves. */
    static String literalPattern(String value) {
        return value.toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\")
                .replace("%", "\\%")
                .replace("_", "\\_");
    }

    private Keysets() {}
}
