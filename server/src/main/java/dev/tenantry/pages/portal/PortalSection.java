package dev.tenantry.pages.portal;

import dev.tenantry.pages.ConsoleNav;
import java.util.List;

/** The sections of the cloud portal's side navigation. */
final class PortalSection {

    static final ConsoleNav.Section HOME = new ConsoleNav.Section("Home", "/portal");
    static final ConsoleNav.Section DIRECTORY = new ConsoleNav.Section("Directory", "/portal/directory/users");
    static final ConsoleNav.Section SUBSCRIPTIONS = new ConsoleNav.Section("Subscriptions", "/portal/subscriptions");

    static final ConsoleNav.Console CONSOLE =
            new ConsoleNav.Console("Cloud portal", List.of(HOME, DIRECTORY, SUBSCRIPTIONS));

    private PortalSection() {}
}
