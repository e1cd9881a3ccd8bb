package dev.tenantry.pages;

import java.util.List;

/**
 * The directories the signed-in user can work in, the current one first: its home directory and every directory it
 * is an accepted guest of (issue 10).
 */
public record DirectorySwitcher(List<Entry> entries) {

    public DirectorySwitcher {
        entries = List.copyOf(entries);
    }

    /** One directory: its name, initial domain, where it opens, and whether it is the one in use. */
    public record Entry(String displayName, String domain, String href, boolean current) {}

    public Entry current() {
        return entries.stream().filter(Entry::current).findFirst().orElseThrow();
    }
}
