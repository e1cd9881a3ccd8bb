package dev.tenantry.pages.admincenter;

import dev.tenantry.pages.Chrome;
import dev.tenantry.pages.ConsoleNav;
import dev.tenantry.pages.UserList;

/** Model of admincenter/users.jte: "Active users", the same users as the portal's (R9). */
public record ActiveUsersPage(Chrome chrome, ConsoleNav nav, UserList users) {}
