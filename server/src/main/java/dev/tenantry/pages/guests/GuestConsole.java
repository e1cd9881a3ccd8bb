package dev.tenantry.pages.guests;

import dev.tenantry.pages.Chrome;
import dev.tenantry.pages.ConsoleNav;
import dev.tenantry.pages.DirectorySwitcher;
import java.util.function.Function;

/**
 * Where a console shows the directory's guests (issue 10): its frame, the path of its guests page, its navigation,
 * and whether its directory pages have the "Users / Groups / Guests" tabs (the portal's).
 */
public record GuestConsole(
        Chrome.Console console,
        String guestsPath,
        boolean directoryTabs,
        Function<DirectorySwitcher, ConsoleNav> nav) {}
