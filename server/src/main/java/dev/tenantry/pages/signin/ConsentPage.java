package dev.tenantry.pages.signin;

import dev.tenantry.pages.Chrome;
import java.util.List;

/**
 * Model of signin/consent.jte: the application asking, the permissions it asks for, whether some need an
 * administrator ({@code blocked}: this person cannot grant them), and the form that answers.
 *
 * @param adminConsent whether this is admin consent for the whole directory ({@code /adminconsent})
 * @param query the authorization request's query string, posted back with the answer
 */
public record ConsentPage(
        Chrome chrome,
        String appName,
        List<Permission> permissions,
        boolean blocked,
        boolean mayConsentForOrganization,
        boolean adminConsent,
        String action,
        String query) {

    /** One permission as the page lists it. */
    public record Permission(String name, String description, boolean adminOnly) {}
}
