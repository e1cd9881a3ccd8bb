package dev.tenantry.pages.store;

import dev.tenantry.pages.FormFields;
import dev.tenantry.shared.DomainException;
import dev.tenantry.shared.RequestError;
import java.util.Map;
import java.util.Optional;

/** Maps the refusals of a sign-up to the field of the new-organisation form they are about. */
final class SignUpErrors {

    private static final FormFields FIELDS = new FormFields(Map.of(
            "organization", "organization",
            "domainPrefix", "domainPrefix",
            "countryCode", "countryCode",
            "displayName", "adminName",
            "userPrincipalName", "userName",
            "password", "password"));
    private static final Map<String, String> REQUIRED = Map.of(
            "organization", "Enter the name of your organisation.",
            "adminName", "Enter your name.",
            "userName", "Enter a user name, such as admin.",
            "password", "Enter a password.");

    private SignUpErrors() {}

    /** The field error for {@code e}, or empty when it is not about one field of the form. */
    static Optional<FieldErrors> of(DomainException e) {
        return FIELDS.fieldOf(e).map(field -> FieldErrors.of(field, message(e, field)));
    }

    private static String message(DomainException e, String field) {
        return e.errorCode() == RequestError.MISSING_FIELD
                ? REQUIRED.getOrDefault(field, e.getMessage())
                : e.getMessage();
    }
}
