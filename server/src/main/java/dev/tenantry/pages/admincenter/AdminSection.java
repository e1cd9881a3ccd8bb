package dev.tenantry.pages.admincenter;

import dev.tenantry.pages.ConsoleNav;
import java.util.List;

/** The sections of the admin center's side navigation. */
final class AdminSection {

    static final ConsoleNav.Section HOME = new ConsoleNav.Section("Home", "/admin");
    static final ConsoleNav.Section USERS = new ConsoleNav.Section("Users", "/admin/users");
    static final ConsoleNav.Section GROUPS = new ConsoleNav.Section("Groups", "/admin/groups");
    static final ConsoleNav.Section GUESTS = new ConsoleNav.Section("Guests", "/admin/guests");
    static final ConsoleNav.Section BILLING = new ConsoleNav.Section("Billing", "/admin/billing/products");
    static final ConsoleNav.Section AUDIT = new ConsoleNav.Section("Audit log", "/admin/audit");

    static final ConsoleNav.Console CONSOLE =
            new ConsoleNav.Console("Admin center", List.of(HOME, USERS, GROUPS, GUESTS, BILLING, AUDIT));

    private AdminSection() {}
}
