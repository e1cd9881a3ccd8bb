package dev.tenantry.pages.admincenter;

import dev.tenantry.directory.NewUser;
import dev.tenantry.pages.FormFields;
import dev.tenantry.shared.DomainException;
import io.javalin.http.Context;
import java.util.Map;
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

    private static final FormFields FIELDS = new FormFields(Map.of(
            "displayName", DISPLAY_NAME,
            "userPrincipalName", USER_NAME,
            "password", PASSWORD,
            "usageLocation", USAGE_LOCATION));

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
        return FIELDS.fieldOf(e).map(f -> new AddUserForm(displayName, userName, usageLocation, f, e.getMessage()));
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
