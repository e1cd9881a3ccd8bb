package dev.tenantry.pages.groups;

import dev.tenantry.pages.Chrome;
import dev.tenantry.pages.ConsoleNav;
import java.util.List;

/**
 * Model of groups/list.jte: a page of the directory's groups, found by the name {@code search} (contains), with the
 * link to the next page (null on the last one) and a notice after a change.
 */
public record GroupsPage(
        Chrome chrome,
        ConsoleNav nav,
        GroupLinks links,
        String search,
        List<Row> rows,
        String nextHref,
        String notice) {

    public GroupsPage {
        rows = List.copyOf(rows);
    }

    /** One group: its name, type ("Security" or "Microsoft 365") and e-mail address ("—" without one). */
    public record Row(String id, String displayName, String type, String email) {}
}
