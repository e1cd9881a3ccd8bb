package dev.tenantry.pages.admincenter;

import dev.tenantry.pages.Chrome;
import dev.tenantry.pages.ConsoleNav;

/** Model of admincenter/new-user.jte: the "Add a user" form with the directory's domain and any error. */
public record AddUserPage(Chrome chrome, ConsoleNav nav, String domain, AddUserForm form) {}
