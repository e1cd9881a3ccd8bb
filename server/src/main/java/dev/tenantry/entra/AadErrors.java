package dev.tenantry.entra;

import dev.tenantry.directory.DirectoryError;
import dev.tenantry.directory.GuestError;
import dev.tenantry.directory.apps.AppRoleError;
import dev.tenantry.identity.ApiTokenError;
import dev.tenantry.identity.ClientAssertionError;
import dev.tenantry.identity.DeviceCodeError;
import dev.tenantry.identity.FederatedAssertionError;
import dev.tenantry.identity.IdentityError;
import java.util.Map;

/**
 * The one table from Tenantry's failure codes to the identity platform's OAuth errors: RFC 6749 §5.2 {@code error},
 * the AADSTS number, the status, and Entra's wording where clients or people recognise it.
 */
final class AadErrors {

    /** One row: the OAuth error, its AADSTS number, the HTTP status, and Entra's text (null: our message). */
    record AadError(String error, int aadsts, int status, String text) {}

    private static final Map<String, AadError> BY_CODE = Map.ofEntries(
            Map.entry(
                    DirectoryError.INVALID_CREDENTIALS.value(),
                    new AadError(
                            "invalid_grant",
                            50126,
                            400,
                            "Error validating credentials due to invalid username or password.")),
            Map.entry(
                    DirectoryError.ACCOUNT_DISABLED.value(),
                    new AadError("invalid_grant", 50057, 400, "The user account is disabled.")),
            Map.entry(DirectoryError.INVALID_CLIENT.value(), new AadError("unauthorized_client", 700016, 400, null)),
            Map.entry(
                    DirectoryError.INVALID_CLIENT_SECRET.value(),
                    new AadError(
                            "invalid_client",
                            7000215,
                            401,
                            "Invalid client secret provided. Ensure the secret being sent in the request is the "
                                    + "client secret value, not the client secret ID.")),
            Map.entry(DirectoryError.TENANT_NOT_FOUND.value(), new AadError("invalid_tenant", 90002, 400, null)),
            // issue 11: the device code grant's polling answers (RFC 8628 §3.5) with Entra's numbers
            Map.entry(
                    DeviceCodeError.AUTHORIZATION_PENDING.value(),
                    new AadError("authorization_pending", 70016, 400, null)),
            Map.entry(DeviceCodeError.SLOW_DOWN.value(), new AadError("slow_down", 70016, 400, null)),
            Map.entry(
                    DeviceCodeError.AUTHORIZATION_DECLINED.value(),
                    new AadError("authorization_declined", 70000, 400, null)),
            Map.entry(DeviceCodeError.EXPIRED_TOKEN.value(), new AadError("expired_token", 70019, 400, null)),
            Map.entry(
                    DeviceCodeError.BAD_VERIFICATION_CODE.value(),
                    new AadError("bad_verification_code", 70000, 400, null)),
            // issue 11: certificate client assertions, one AADSTS number per check as Entra answers them
            Map.entry(
                    ClientAssertionError.INVALID_CLIENT_ASSERTION.value(),
                    new AadError("invalid_request", 50027, 400, null)),
            Map.entry(
                    ClientAssertionError.CLIENT_ASSERTION_SIGNATURE.value(),
                    new AadError("invalid_client", 700027, 401, null)),
            Map.entry(
                    ClientAssertionError.CLIENT_ASSERTION_CLIENT_MISMATCH.value(),
                    new AadError("invalid_client", 700021, 401, null)),
            Map.entry(
                    ClientAssertionError.CLIENT_ASSERTION_AUDIENCE.value(),
                    new AadError("invalid_client", 700023, 401, null)),
            Map.entry(
                    ClientAssertionError.CLIENT_ASSERTION_EXPIRED.value(),
                    new AadError("invalid_client", 700024, 401, null)),
            Map.entry(
                    ClientAssertionError.CLIENT_ASSERTION_REPLAYED.value(),
                    new AadError("invalid_client", 50013, 401, null)),
            // issue 11: tokens for registered APIs and the on-behalf-of grant, with Entra's numbers
            Map.entry(ApiTokenError.SCOPE_NOT_ON_API.value(), new AadError("invalid_scope", 650053, 400, null)),
            Map.entry(ApiTokenError.ASSERTION_MALFORMED.value(), new AadError("invalid_request", 50027, 400, null)),
            Map.entry(ApiTokenError.ASSERTION_INVALID.value(), new AadError("invalid_grant", 50013, 400, null)),
            Map.entry(ApiTokenError.ASSERTION_EXPIRED.value(), new AadError("invalid_grant", 500133, 400, null)),
            Map.entry(ApiTokenError.ASSERTION_AUDIENCE.value(), new AadError("invalid_grant", 500131, 400, null)),
            Map.entry(ApiTokenError.ASSERTION_APP_ONLY.value(), new AadError("invalid_grant", 50013, 400, null)),
            Map.entry(
                    ApiTokenError.CONFIDENTIAL_CLIENT_REQUIRED.value(),
                    new AadError("invalid_client", 7000218, 401, null)),
            Map.entry(
                    ApiTokenError.INVALID_REQUESTED_TOKEN_USE.value(),
                    new AadError("invalid_request", 900144, 400, null)),
            Map.entry(
                    FederatedAssertionError.NO_MATCHING_FEDERATED_CREDENTIAL.value(),
                    new AadError("invalid_client", 70021, 401, null)),
            Map.entry(
                    FederatedAssertionError.FEDERATED_ISSUER_MISMATCH.value(),
                    new AadError("invalid_client", 700211, 401, null)),
            Map.entry(
                    FederatedAssertionError.FEDERATED_AUDIENCE_MISMATCH.value(),
                    new AadError("invalid_client", 700212, 401, null)),
            Map.entry(
                    FederatedAssertionError.FEDERATED_SUBJECT_MISMATCH.value(),
                    new AadError("invalid_client", 700213, 401, null)),
            Map.entry(
                    FederatedAssertionError.FEDERATED_ISSUER_UNREACHABLE.value(),
                    new AadError("invalid_request", 50166, 400, null)),
            Map.entry(
                    EntraError.INVALID_INSTANCE.value(),
                    new AadError("invalid_instance", 50049, 400, "Unknown or invalid instance.")),
            Map.entry(IdentityError.TENANT_REQUIRED.value(), new AadError("invalid_request", 900023, 400, null)),
            Map.entry(
                    IdentityError.UNSUPPORTED_GRANT_TYPE.value(),
                    new AadError("unsupported_grant_type", 70003, 400, null)),
            Map.entry(IdentityError.INVALID_SCOPE.value(), new AadError("invalid_scope", 70011, 400, null)),
            Map.entry(IdentityError.INVALID_RESOURCE.value(), new AadError("invalid_resource", 500011, 400, null)),
            Map.entry(IdentityError.CONSENT_REQUIRED.value(), new AadError("invalid_grant", 65001, 400, null)),
            Map.entry(
                    IdentityError.AUTHORIZATION_CODE_INVALID.value(), new AadError("invalid_grant", 70000, 400, null)),
            Map.entry(
                    IdentityError.AUTHORIZATION_CODE_REDEEMED.value(),
                    new AadError(
                            "invalid_grant",
                            54005,
                            400,
                            "OAuth2 Authorization code was already redeemed, "
                                    + "please retry with a new valid code or use an existing refresh token.")),
            Map.entry(
                    IdentityError.AUTHORIZATION_CODE_EXPIRED.value(), new AadError("invalid_grant", 70008, 400, null)),
            Map.entry(
                    IdentityError.PKCE_MISMATCH.value(),
                    new AadError(
                            "invalid_grant",
                            501481,
                            400,
                            "The Code_Verifier does not match the code_challenge "
                                    + "supplied in the authorization request.")),
            Map.entry(IdentityError.REDIRECT_URI_MISMATCH.value(), new AadError("invalid_request", 50011, 400, null)),
            Map.entry(IdentityError.MISSING_PARAMETER.value(), new AadError("invalid_request", 900144, 400, null)),
            Map.entry(IdentityError.REFRESH_TOKEN_INVALID.value(), new AadError("invalid_grant", 9002313, 400, null)),
            Map.entry(IdentityError.REFRESH_TOKEN_REVOKED.value(), new AadError("invalid_grant", 50173, 400, null)),
            Map.entry(IdentityError.REFRESH_TOKEN_EXPIRED.value(), new AadError("invalid_grant", 700082, 400, null)),
            Map.entry(
                    IdentityError.REFRESH_TOKEN_CLIENT_MISMATCH.value(),
                    new AadError("invalid_grant", 70000, 400, null)),
            Map.entry(DirectoryError.USER_NOT_FOUND.value(), new AadError("invalid_grant", 50034, 400, null)),
            // issue 10: a guest whose invitation is not redeemed does not exist in the inviting directory yet
            Map.entry(GuestError.GUEST_NOT_ACCEPTED.value(), new AadError("invalid_grant", 50020, 400, null)),
            // issue 11: the app requires an assignment (appRoleAssignmentRequired) and the user holds none
            Map.entry(AppRoleError.USER_NOT_ASSIGNED.value(), new AadError("invalid_grant", 50105, 400, null)),
            // issue 7.8: Entra's smart lockout answers AADSTS50053 (IdsLocked) with 400 invalid_grant
            Map.entry(IdentityError.ACCOUNT_LOCKED.value(), new AadError("invalid_grant", 50053, 400, null)),
            // wrong client secrets in a loop: Entra's loop detection is AADSTS50196; we answer it with 429 and
            // Retry-After, as MSAL expects of throttling (it backs off for that long instead of retrying at once)
            Map.entry(
                    IdentityError.CLIENT_THROTTLED.value(), new AadError("temporarily_unavailable", 50196, 429, null)),
            // password hashing at its bound: shed with 503 and Retry-After, which MSAL retries after the wait
            Map.entry(DirectoryError.SERVER_BUSY.value(), new AadError("temporarily_unavailable", 90033, 503, null)));

    private AadErrors() {}

    /** The OAuth error for a failure code, or one derived from the status for codes without a row. */
    static AadError of(String code, int status) {
        AadError row = BY_CODE.get(code);
        if (row != null) {
            return row;
        }
        return switch (status) {
            case 401 -> new AadError("invalid_client", 7000215, 401, null);
            case 403 -> new AadError("access_denied", 50105, 403, null);
            case 404 -> new AadError("invalid_request", 900561, 404, null);
            case 405 -> new AadError("invalid_request", 900561, 405, null);
            default ->
                status >= 500
                        ? new AadError("server_error", 90033, status, null)
                        : new AadError("invalid_request", 900144, status, null);
        };
    }
}
