package dev.tenantry.pages.groups;

import dev.tenantry.directory.Group;
import dev.tenantry.directory.groups.NewGroup;
import dev.tenantry.pages.FormFields;
import dev.tenantry.shared.DomainException;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The values of the "Add a group" form and the one field the service refused, with its message. The type is
 * {@link #SECURITY} or {@link #MICROSOFT_365}; anything else is sent on as a group type, which the service refuses.
 */
public record NewGroupForm(
        String displayName,
        String type,
        String mailNickname,
        String description,
        String errorField,
        String errorMessage) {

    public static final String DISPLAY_NAME = "displayName";
    public static final String TYPE = "type";
    public static final String MAIL_NICKNAME = "mailNickname";
    public static final String DESCRIPTION = "description";

    public static final String SECURITY = "security";
    public static final String MICROSOFT_365 = "microsoft365";

    private static final FormFields FIELDS = new FormFields(Map.of(
            "displayName", DISPLAY_NAME,
            "mailNickname", MAIL_NICKNAME,
            "description", DESCRIPTION,
            "groupTypes", TYPE,
            "mailEnabled", TYPE,
            "securityEnabled", TYPE));

    static NewGroupForm empty() {
        return new NewGroupForm("", SECURITY, "", "", null, null);
    }

    static NewGroupForm posted(Context ctx) {
        return new NewGroupForm(
                value(ctx, DISPLAY_NAME),
                value(ctx, TYPE),
                value(ctx, MAIL_NICKNAME),
                value(ctx, DESCRIPTION),
                null,
                null);
    }

    /** The group as Graph's create body would give it: a security group, or a mail-enabled Microsoft 365 group. */
    NewGroup toNewGroup() {
        boolean security = SECURITY.equals(type);
        boolean microsoft365 = MICROSOFT_365.equals(type);
        List<String> groupTypes = security ? List.of() : List.of(microsoft365 ? Group.UNIFIED : type);
        return new NewGroup(
                displayName,
                description,
                mailNickname.isEmpty() ? null : mailNickname,
                microsoft365,
                security,
                groupTypes,
                null,
                null,
                null);
    }

    /** The form with the service's refusal next to its field; empty when the refusal is about no field of the form. */
    Optional<NewGroupForm> withError(DomainException e) {
        return FIELDS.fieldOf(e)
                .map(f -> new NewGroupForm(displayName, type, mailNickname, description, f, e.getMessage()));
    }

    /** The error message of {@code field}, or null when it has none. */
    public String error(String field) {
        return field.equals(errorField) ? errorMessage : null;
    }

    public boolean microsoft365() {
        return MICROSOFT_365.equals(type);
    }

    private static String value(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value.strip();
    }
}
