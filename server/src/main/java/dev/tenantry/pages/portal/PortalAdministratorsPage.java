package dev.tenantry.pages.portal;

import dev.tenantry.pages.Chrome;
import dev.tenantry.pages.ConsoleNav;
import java.util.List;

/**
 * Model of portal/administrators.jte (issue 10, R4): a cloud subscription's account administrator, service
 * administrator and co-administrators, its billing ownership transfers, and the forms the caller may use: changing the
 * service administrator and transferring billing ownership (account administrator), adding and removing
 * co-administrators (account or service administrator). A refused form shows its message next to its field.
 */
public record PortalAdministratorsPage(
        Chrome chrome,
        ConsoleNav nav,
        SubscriptionHeader header,
        List<Administrator> administrators,
        boolean accountAdministrator,
        boolean manage,
        List<Choice> users,
        List<Transfer> transfers,
        FieldError fieldError,
        String notice) {

    /** The select of the service administrator form. */
    public static final String SERVICE_ADMINISTRATOR = "serviceAdministrator";

    /** The select of the co-administrator form. */
    public static final String CO_ADMINISTRATOR = "coAdministrator";

    /** The select of the transfer form. */
    public static final String RECIPIENT = "recipient";

    public PortalAdministratorsPage {
        administrators = List.copyOf(administrators);
        users = List.copyOf(users);
        transfers = List.copyOf(transfers);
    }

    /** One administrator: who, the roles as ARM names them, and whether it is a co-administrator one may remove. */
    public record Administrator(
            String userId, String displayName, String userPrincipalName, String roles, boolean coAdministrator) {}

    /** A user of the directory to pick. */
    public record Choice(String userId, String label) {}

    /** A billing ownership transfer of the subscription. */
    public record Transfer(String id, String recipient, String status, String expiresAt, boolean pending) {}

    /** A refusal about one field of one form, or none ({@code field} null). */
    public record FieldError(String field, String message) {
        public static final FieldError NONE = new FieldError(null, null);
    }

    /** The error of {@code field}, or null when it has none. */
    public String error(String field) {
        return field.equals(fieldError.field()) ? fieldError.message() : null;
    }
}
