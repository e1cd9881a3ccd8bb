package dev.tenantry.pages.portal;

import dev.tenantry.pages.Chrome;
import dev.tenantry.pages.ConsoleNav;

/** Model of portal/home.jte: the current directory and where to go from here. */
public record PortalHomePage(Chrome chrome, ConsoleNav nav, String directoryName, String domain) {}
