package dev.tenantry.pages.portal;

import dev.tenantry.pages.ConsoleNav;
import dev.tenantry.pages.DirectorySwitcher;
import java.util.Arrays;

/** The sections of the cloud portal's side navigation. */
enum PortalSection {
    HOME("Home", "/portal"),
    DIRECTORY("Directory", "/portal/directory/users"),
    SUBSCRIPTIONS("Subscriptions", "/portal/subscriptions");

    private final String label;
    private final String href;

    PortalSection(String label, String href) {
        this.label = label;
        this.href = href;
    }

    ConsoleNav nav(DirectorySwitcher directories) {
        return new ConsoleNav(
                "Cloud portal",
                Arrays.stream(values())
                        .map(s -> new ConsoleNav.Item(s.label, s.href, s == this))
                        .toList(),
                directories);
    }
}
