package dev.tenantry.pages.admincenter;

import dev.tenantry.pages.Chrome;
import dev.tenantry.pages.ConsoleNav;
import java.util.List;

/** Model of admincenter/audit.jte: a page of the directory's audit log, newest first (issue 9). */
public record AuditPage(
        Chrome chrome, ConsoleNav nav, List<String> categories, String category, List<Entry> entries, String next) {

    public AuditPage {
        categories = List.copyOf(categories);
        entries = List.copyOf(entries);
    }

    /** One change: when (UTC), what, its category, who did it, on what, and how. */
    public record Entry(String when, String activity, String category, String by, String targets, String detail) {}
}
