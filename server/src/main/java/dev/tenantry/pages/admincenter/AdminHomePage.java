package dev.tenantry.pages.admincenter;

import dev.tenantry.pages.Chrome;
import dev.tenantry.pages.ConsoleNav;

/** Model of admincenter/home.jte: the directory being administered and the tasks at hand. */
public record AdminHomePage(Chrome chrome, ConsoleNav nav, String directoryName, String domain) {}
