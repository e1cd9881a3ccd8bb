package dev.tenantry.directory.guests;

import dev.tenantry.directory.Guest;
import dev.tenantry.directory.GuestError;
import dev.tenantry.shared.Column;
import dev.tenantry.shared.InvalidRequestException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Checks what an inviter sends: the address, the redirect URL (absolute http or https only), the user type. */
final class InvitationRules {

    private static final Pattern EMAIL =
            Pattern.compile("[^@\\s\"<>()\\[\\],;:\\\\#]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");

    private InvitationRules() {}

    static String email(String value) {
        String email = value == null ? "" : value.strip();
        if (email.isEmpty()) {
            throw new InvalidRequestException(
                    GuestError.INVALID_EMAIL_ADDRESS,
                    "invitedUserEmailAddress is required: the e-mail address of the person to invite.",
                    "invitedUserEmailAddress");
        }
        if (!EMAIL.matcher(email).matches()) {
            throw new InvalidRequestException(
                    GuestError.INVALID_EMAIL_ADDRESS,
                    "'" + email + "' is not a valid e-mail address; use the form name@example.com.",
                    "invitedUserEmailAddress");
        }
        Column.USER_MAIL.check(email, "invitedUserEmailAddress");
        Column.GUEST_INVITED_EMAIL_KEY.checkKey(Guest.emailKey(email), "invitedUserEmailAddress");
        return email;
    }

    static String redirectUrl(String value) {
        String url = value == null ? "" : value.strip();
        if (url.isEmpty()) {
            throw new InvalidRequestException(
                    GuestError.INVALID_REDIRECT_URL,
                    "inviteRedirectUrl is required: where the guest lands after accepting the invitation.",
                    "inviteRedirectUrl");
        }
        Column.GUEST_REDIRECT_URL.check(url, "inviteRedirectUrl");
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https"))
                    && uri.getHost() != null
                    && uri.getUserInfo() == null) {
                return url;
            }
        } catch (URISyntaxException e) {
            // refused below, with the same message as a wrong scheme
        }
        throw new InvalidRequestException(
                GuestError.INVALID_REDIRECT_URL,
                "inviteRedirectUrl '" + url + "' is not an absolute http or https URL.",
                "inviteRedirectUrl");
    }

    static void userType(String value) {
        if (value != null && !value.isBlank() && !value.strip().equalsIgnoreCase("Guest")) {
            throw new InvalidRequestException(
                    GuestError.UNSUPPORTED_INVITED_USER_TYPE,
                    "invitedUserType '" + value + "' is not supported: Tenantry invites guests ('Guest') only.",
                    "invitedUserType");
        }
    }

    static String displayName(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
