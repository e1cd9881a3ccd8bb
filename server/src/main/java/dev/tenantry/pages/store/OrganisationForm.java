package dev.tenantry.pages.store;

import dev.tenantry.directory.NewUser;
import dev.tenantry.subscriptions.SignUp;
import io.javalin.http.Context;

/** The values of the new-organisation form as typed, kept to show again; the password is never part of it. */
public record OrganisationForm(
        String organization, String domainPrefix, String adminName, String userName, String countryCode) {

    public static OrganisationForm empty() {
        return new OrganisationForm("", "", "", "", "");
    }

    public static OrganisationForm from(Context ctx) {
        return new OrganisationForm(
                value(ctx, "organization"),
                value(ctx, "domainPrefix"),
                value(ctx, "adminName"),
                value(ctx, "userName"),
                value(ctx, "countryCode"));
    }

    /** The sign-up (R8) of {@code product}, a cloud offer id or suite SKU part number, with its default seats. */
    public SignUp toSignUp(String product, String password) {
        return new SignUp(
                organization,
                domainPrefix,
                countryCode,
                NewUser.of(adminName, userName, password),
                product,
                null,
                null);
    }

    private static String value(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value.strip();
    }
}
