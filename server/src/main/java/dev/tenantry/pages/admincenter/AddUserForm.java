package dev.tenantry.pages.admincenter;

import dev.tenantry.directory.NewUser;
import dev.tenantry.shared.DomainException;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * The values of the "Add a user" form (never the password once posted) and the one field the service refused, with
 * its message.
 */
public record AddUserForm(
        String displayName, String userName, String usageLocation, String errorField, String errorMessage) {

    public static final String DISPLAY_NAME = "displayName";
    public static final String USER_NAME = "userName";
    public static final String PASSWORD = "password";
    public static final String USAGE_LOCATION = "usageLocation";

    static AddUserForm empty() {
        return new AddUserForm("", "", "", null, null);
    }

    static AddUserForm posted(Context ctx) {
        return new AddUserForm(value(ctx, DISPLAY_NAME), value(ctx, USER_NAME), value(ctx, USAGE_LOCATION), null, null);
    }

    NewUser toNewUser(String password) {
        return new NewUser(
                displayName,
                userName,
                password,
                null,
                null,
                null,
                null,
                usageLocation.isEmpty() ? null : usageLocation,
                null);
    }

    /** The form with the service's refusal next to its field; empty when the refusal is about no field of the form. */
    Optional<AddUserForm> withError(DomainException e) {
        String field =
                switch (e.code()) {
                    case "weak_password" -> PASSWORD;
                    case "upn_taken", "invalid_user_name", "domain_not_in_directory" -> USER_NAME;
                    case "invalid_country" -> USAGE_LOCATION;
                    case "missing_field", "field_too_long" ->
                        e.getMessage().contains("'displayName'")
                                ? DISPLAY_NAME
                                : e.getMessage().contains("'userPrincipalName'") ? USER_NAME : null;
                    default -> null;
                };
        return Optional.ofNullable(field)
                .map(f -> new AddUserForm(displayName, userName, usageLocation, f, e.getMessage()));
    }

    /** The error message of {@code field}, or null when it has none. */
    public String error(String field) {
        return field.equals(errorField) ? errorMessage : null;
    }

    private static String value(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value.strip();
    }
}
