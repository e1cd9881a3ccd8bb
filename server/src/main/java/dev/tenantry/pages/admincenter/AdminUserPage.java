package dev.tenantry.pages.admincenter;

import dev.tenantry.pages.Chrome;
import dev.tenantry.pages.ConsoleNav;
import dev.tenantry.pages.UserProfile;
import java.util.List;

/**
 * Model of admincenter/user.jte: a user's profile and roles, the "Reset password" and "Assign a directory role" forms,
 * a notice after a successful change and an error for the new password.
 */
public record AdminUserPage(
        Chrome chrome,
        ConsoleNav nav,
        UserProfile profile,
        List<RoleOption> roleOptions,
        String notice,
        String passwordError) {

    public AdminUserPage {
        roleOptions = List.copyOf(roleOptions);
    }

    /** One choice of the role select: the template id sent, the role name shown. */
    public record RoleOption(String value, String label) {}
}
