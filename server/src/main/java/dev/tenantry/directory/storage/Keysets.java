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
        // the first condition alone is a range of the (tenant_id, display_name_lower, id) index (V30)
        return byName
                ? " AND display_name_lower >= :afterName AND (display_name_lower > :afterName OR id > :after)"
                : " AND id > :after";
    }

    static String order(boolean byName) {
        // tenant_id first (every list is of one tenant, so the order is the same): with it and the range of
        // #firstPage, H2 reads the (tenant_id, id) index in order and stops after a page, where it used the foreign
        // key's index on tenant_id alone and sorted the whole tenant (issue 13: seconds at 100 000 users)
        return byName ? " ORDER BY tenant_id, display_name_lower, id" : " ORDER BY tenant_id, id";
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

    /**
     * The condition "display_name_lower starts with the value bound as {@code :name}" as an index range: {@code name}
     * binds the lower-cased prefix and {@code nameEnd} the first text after every text that starts with it (see
     * {@link #bindNamePrefix}). The column compares in code point order on both databases (V30), so the range is exact;
     * an empty prefix is every name.
     */
    static String namePrefix(String name, String value) {
        return prefixEnd(value.toLowerCase(Locale.ROOT)) == null
                ? "display_name_lower >= :" + name
                : "display_name_lower >= :" + name + " AND display_name_lower < :" + name + "End";
    }

    /** Binds what {@link #namePrefix} names. */
    static void bindNamePrefix(SqlStatement<?> query, String name, String value) {
        String prefix = value.toLowerCase(Locale.ROOT);
        query.bind(name, prefix);
        String end = prefixEnd(prefix);
        if (end != null) {
            query.bind(name + "End", end);
        }
    }

    /**
     * The least text greater than every text that starts with {@code prefix} in code point order: the prefix with its
     * last code point raised by one (past the surrogates, and dropping code points that have no successor); null when
     * nothing bounds it (the empty prefix).
     */
    static String prefixEnd(String prefix) {
        int[] points = prefix.codePoints().toArray();
        for (int last = points.length - 1; last >= 0; last--) {
            int next = points[last] + 1;
            if (next >= Character.MIN_SURROGATE && next <= Character.MAX_SURROGATE) {
                next = Character.MAX_SURROGATE + 1;
            }
            if (next <= Character.MAX_CODE_POINT) {
                points[last] = next;
                return new String(points, 0, last + 1);
            }
        }
        return null;
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
