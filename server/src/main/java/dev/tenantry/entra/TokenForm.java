package dev.tenantry.entra;

import dev.tenantry.identity.ClientAssertionError;
import dev.tenantry.identity.IdentityError;
import dev.tenantry.identity.TokenRequest;
import dev.tenantry.shared.AuthenticationException;
import dev.tenantry.shared.Column;
import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.web.FormBody;
import io.javalin.http.Context;
import java.util.Base64;

/**
 * Reads a token request (RFC 6749 §4, §6) from the form and the {@code Authorization: Basic} header: a form that
 * cannot be read is a 400 {@code invalid_request}, client credentials that cannot be read a 401 {@code invalid_client}.
 */
final class TokenForm {

    private TokenForm() {}

    static TokenRequest read(Context ctx) {
        FormBody form = FormBody.of(ctx);
        String clientId = form.single("client_id");
        String clientSecret = form.single("client_secret");
        String header = ctx.header("Authorization");
        if (clientSecret == null && header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            String[] basic = basic(header.substring(6).strip());
            clientId = clientId != null ? clientId : basic[0];
            clientSecret = basic[1];
        }
        String scope = form.single("scope");
        if (!Column.REFRESH_TOKEN_SCOPE.fits(scope)) {
            throw new InvalidRequestException(
                    IdentityError.INVALID_SCOPE,
                    "The provided value for the input parameter 'scope' is not valid: it is longer than "
                            + Column.REFRESH_TOKEN_SCOPE.limit() + " characters.");
        }
        String grantType = form.single("grant_type");
        // every field the grants use is read here, so a field sent twice is refused whatever the grant (RFC 6749 §3.2)
        TokenRequest.Parameters parameters = new TokenRequest.Parameters(
                form.single("username"),
                form.single("password"),
                form.single("refresh_token"),
                form.single("code"),
                form.single("redirect_uri"),
                form.single("code_verifier"),
                form.single("device_code"),
                form.single("assertion"),
                form.single("requested_token_use"));
        String assertionType = form.single("client_assertion_type");
        String assertion = form.single("client_assertion");
        if (assertion != null && clientSecret != null) {
            throw new InvalidRequestException(
                    ClientAssertionError.INVALID_CLIENT_ASSERTION,
                    "Send either client_secret or client_assertion, not both (RFC 6749 §2.3: one authentication "
                            + "method per request).");
        }
        return new TokenRequest(
                ctx.pathParam("tenant"),
                grantType,
                new TokenRequest.Client(clientId, clientSecret, assertionType, assertion),
                scope,
                "1".equals(form.single("client_info")),
                parameters);
    }

    /** The client id and secret of {@code client_secret_basic}: base64 of UTF-8, each part form-encoded (§2.3.1). */
    private static String[] basic(String credentials) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(credentials);
        } catch (IllegalArgumentException e) {
            throw unreadable("it is not base64");
        }
        try {
            String decoded = FormBody.utf8(raw);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw unreadable("it has no ':' between the client id and the secret");
            }
            return new String[] {
                FormBody.decode(decoded.substring(0, colon)), FormBody.decode(decoded.substring(colon + 1))
            };
        } catch (InvalidRequestException e) {
            throw unreadable("it is not UTF-8, or the client id or secret has a bad '%' escape");
        }
    }

    private static AuthenticationException unreadable(String problem) {
        return new AuthenticationException(
                EntraError.INVALID_CLIENT_CREDENTIALS,
                "The Authorization header's Basic credentials cannot be read: " + problem
                        + ". Send base64(urlencode(client_id) ':' urlencode(client_secret)).");
    }
}
