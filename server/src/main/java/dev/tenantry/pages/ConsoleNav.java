package dev.tenantry.pages;

import java.util.List;

/** The side navigation of a console page: its sections (the current one marked) and the directory switcher. */
public record ConsoleNav(String label, List<Item> items, DirectorySwitcher directories) {

    public ConsoleNav {
        items = List.copyOf(items);
    }

    /** One section link; {@code current} renders {@code aria-current="page"}. */
    public record Item(String label, String href, boolean current) {}
}
