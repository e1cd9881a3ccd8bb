package dev.tenantry.pages.portal;

import dev.tenantry.pages.Chrome;
import dev.tenantry.pages.ConsoleNav;
import dev.tenantry.pages.UserProfile;

/** Model of portal/user.jte: one user's profile with its directory roles (R10). */
public record PortalUserPage(Chrome chrome, ConsoleNav nav, UserProfile profile) {}
