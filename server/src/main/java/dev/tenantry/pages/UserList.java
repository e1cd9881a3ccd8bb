package dev.tenantry.pages;

import java.util.List;

/**
 * A page of a directory's users as both consoles list them (R9): the search it was filtered by, the rows, and the
 * link to the next page (null on the last one).
 */
public record UserList(String action, String search, List<Row> rows, String nextHref) {

    public UserList {
        rows = List.copyOf(rows);
    }

    /** One user of the list. */
    public record Row(String id, String displayName, String userPrincipalName, String href, boolean accountEnabled) {}
}
