package dev.tenantry.pages.admincenter;

import dev.tenantry.pages.ConsoleNav;
import dev.tenantry.pages.DirectorySwitcher;
import java.util.Arrays;

/** The sections of the admin center's side navigation. */
enum AdminSection {
    HOME("Home", "/admin"),
    USERS("Users", "/admin/users"),
    BILLING("Billing", "/admin/billing/products");

    private final String label;
    private final String href;

    AdminSection(String label, String href) {
        this.label = label;
        this.href = href;
    }

    ConsoleNav nav(DirectorySwitcher directories) {
        return new ConsoleNav(
                "Admin center",
                Arrays.stream(values())
                        .map(s -> new ConsoleNav.Item(s.label, s.href, s == this))
                        .toList(),
                directories);
    }
}
