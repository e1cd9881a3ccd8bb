package dev.tenantry.pages;

import java.util.List;

/**
 * The directories the signed-in user can work in, the current one first. Today that is only the home directory; guest
 * directories join the list in a later issue.
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
