package dev.tenantry.pages.admincenter;

import dev.tenantry.pages.Chrome;
import dev.tenantry.pages.guests.GuestConsole;

/** The admin center's guests page (issue 10): under its own "Guests" section. */
public final class AdminGuests {

    private AdminGuests() {}

    public static GuestConsole console() {
        return new GuestConsole(
                Chrome.Console.ADMIN,
                AdminSection.GUESTS.href(),
                false,
                directories -> AdminSection.CONSOLE.nav(AdminSection.GUESTS, directories));
    }
}
