package dev.tenantry.pages;

import java.util.List;

/** The side navigation of a console page: its sections (the current one marked) and the directory switcher. */
public record ConsoleNav(String label, List<Item> items, DirectorySwitcher directories) {

    public ConsoleNav {
        items = List.copyOf(items);
    }

    /** One section link; {@code current} renders {@code aria-current="page"}. */
    public record Item(String label, String href, boolean current) {}

    /** A section of a console's side navigation: what it is called and where it opens. */
    public record Section(String label, String href) {}

    /** A console (cloud portal, admin center): its name and its sections in order. */
    public record Console(String label, List<Section> sections) {

        public Console {
            sections = List.copyOf(sections);
        }

        /** The navigation with {@code current} marked. */
        public ConsoleNav nav(Section current, DirectorySwitcher directories) {
            return new ConsoleNav(
                    label,
                    sections.stream()
                            .map(s -> new Item(s.label(), s.href(), s.equals(current)))
                            .toList(),
                    directories);
        }
    }
}
