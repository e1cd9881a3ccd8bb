package dev.tenantry.pages.store;

import dev.tenantry.shared.DomainException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Maps the error codes of a sign-up to the field of the new-organisation form they are about. */
final class SignUpErrors {

    private static final Pattern QUOTED = Pattern.compile("'([^']+)'");
    private static final Map<String, String> BY_CODE = Map.of(
            "weak_password", "password",
            "domain_taken", "domainPrefix",
            "invalid_domain_prefix", "domainPrefix",
            "invalid_country", "countryCode",
            "upn_taken", "userName",
            "invalid_user_name", "userName",
            "domain_not_in_directory", "userName");
    private static final Map<String, String> BY_NAME = Map.of(
            "organization", "organization",
            "domainPrefix", "domainPrefix",
            "countryCode", "countryCode",
            "displayName", "adminName",
            "userPrincipalName", "userName",
            "password", "password");
    private static final Map<String, String> REQUIRED = Map.of(
            "organization", "Enter the name of your organisation.",
            "adminName", "Enter your name.",
            "userName", "Enter a user name, such as admin.",
            "password", "Enter a password.");

    private SignUpErrors() {}

    /** The field error for {@code e}, or empty when it is not about one field of the form. */
    static Optional<FieldErrors> of(DomainException e) {
        String field = BY_CODE.get(e.code());
        if (field == null && ("missing_field".equals(e.code()) || "field_too_long".equals(e.code()))) {
            Matcher named = QUOTED.matcher(e.getMessage());
            field = named.find() ? BY_NAME.get(named.group(1)) : null;
        }
        if (field == null) {
            return Optional.empty();
        }
        String message =
                "missing_field".equals(e.code()) ? REQUIRED.getOrDefault(field, e.getMessage()) : e.getMessage();
        return Optional.of(FieldErrors.of(field, message));
    }
}
