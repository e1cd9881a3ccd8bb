package dev.tenantry.pages.portal;

import dev.tenantry.pages.Chrome;
import dev.tenantry.pages.guests.GuestConsole;

/** The portal's guests page (issue 10): a tab of its "Directory" section, beside users and groups. */
public final class PortalGuests {

    private PortalGuests() {}

    public static GuestConsole console() {
        return new GuestConsole(
                Chrome.Console.PORTAL,
                "/portal/directory/guests",
                true,
                directories -> PortalSection.CONSOLE.nav(PortalSection.DIRECTORY, directories));
    }
}
