package dev.tenantry.pages.portal;

import dev.tenantry.pages.Chrome;
import dev.tenantry.pages.ConsoleNav;
import dev.tenantry.pages.UserList;

/** Model of portal/users.jte: the directory's users (the same as the admin center's, R9). */
public record PortalUsersPage(Chrome chrome, ConsoleNav nav, UserList users) {}
