package dev.tenantry.directory;

import java.util.EnumSet;
import java.util.Set;

/** What an administrator or application does to another user, as Entra's tables of sensitive actions tell them apart. */
public enum UserAction {
    /** Changing the profile: names, mail, job title, usage location. */
    UPDATE_PROFILE("change the profile of"),
    /** Setting a new password (Graph {@code passwordProfile}, the admin center's reset). */
    RESET_PASSWORD("reset the password of"),
    /** Setting {@code accountEnabled}, either way. */
    ENABLE_OR_DISABLE("enable or disable"),
    DELETE("delete");

    private final String phrase;

    UserAction(String phrase) {
        this.phrase = phrase;
    }

    /** The action as a verb phrase whose object is the user, for error messages. */
    public String phrase() {
        return phrase;
    }

    /** The actions a patch performs; empty for a patch that changes nothing. */
    public static Set<UserAction> of(UserPatch patch) {
        Set<UserAction> actions = EnumSet.noneOf(UserAction.class);
        if (patch.displayName() != null
                || patch.givenName() != null
                || patch.surname() != null
                || patch.mail() != null
                || patch.usageLocation() != null
                || patch.jobTitle() != null) {
            actions.add(UPDATE_PROFILE);
        }
        if (patch.accountEnabled() != null) {
            actions.add(ENABLE_OR_DISABLE);
        }
        if (patch.password() != null) {
            actions.add(RESET_PASSWORD);
        }
        return actions;
    }
}
