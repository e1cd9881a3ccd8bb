package dev.tenantry.pages.portal;

import dev.tenantry.pages.Chrome;
import dev.tenantry.pages.ConsoleNav;
import dev.tenantry.pages.LicenceViews;
import dev.tenantry.pages.UserProfile;
import java.util.List;

/** Model of portal/user.jte: one user's profile with its directory roles (R10) and its licences (issue 9). */
public record PortalUserPage(
        Chrome chrome, ConsoleNav nav, UserProfile profile, List<LicenceViews.ProfileLicence> licences) {

    public PortalUserPage {
        licences = List.copyOf(licences);
    }
}
