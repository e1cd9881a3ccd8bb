package dev.tenantry.directory;

import dev.tenantry.shared.RuleViolationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Entra ID's password rules: 8 to 256 characters, at least three of lower case, upper case, digits and symbols, and
 * not containing the user's alias. A refusal names every rule the password misses.
 */
public final class PasswordPolicy {

    /** The input a weak password is reported against. */
    private static final String FIELD = "password";

    private PasswordPolicy() {}

    public static void check(String password, String userPrincipalName) {
        if (password == null || password.isEmpty()) {
            throw new RuleViolationException(DirectoryError.WEAK_PASSWORD, "A password is required.", FIELD);
        }
        List<String> missing = new ArrayList<>();
        if (password.length() < 8) {
            missing.add("at least 8 characters (it has " + password.length() + ")");
        }
        if (password.length() > 256) {
            missing.add("at most 256 characters");
        }
        int classes = 0;
        classes += password.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
        classes += password.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
        classes += password.chars().anyMatch(Character::isDigit) ? 1 : 0;
        classes += password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0;
        if (classes < 3) {
            missing.add("three of these four: lower-case letters, upper-case letters, digits, symbols");
        }
        String alias = userPrincipalName == null ? "" : userPrincipalName.split("@", 2)[0].toLowerCase(Locale.ROOT);
        boolean containsAlias =
                alias.length() >= 3 && password.toLowerCase(Locale.ROOT).contains(alias);
        if (!missing.isEmpty() || containsAlias) {
            throw new RuleViolationException(
                    DirectoryError.WEAK_PASSWORD,
                    "The password does not meet the policy."
                            + (missing.isEmpty() ? "" : " It needs " + String.join("; ", missing) + ".")
                            + (containsAlias ? " It must not contain the user name '" + alias + "'." : ""),
                    FIELD);
        }
    }
}
