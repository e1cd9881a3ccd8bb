package dev.tenantry.entra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.testing.ErrorCodes;
import dev.tenantry.web.Failures;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AadErrorsTest {

    /** RFC 6749 §5.2 and the identity platform's additions that MSAL and azure-identity recognise. */
    private static final Set<String> OAUTH_ERRORS = Set.of(
            "invalid_request",
            "invalid_client",
            "invalid_grant",
            "unauthorized_client",
            "unsupported_grant_type",
            "invalid_scope",
            "invalid_resource",
            "invalid_tenant",
            "invalid_instance",
            "access_denied",
            "temporarily_unavailable",
            "server_error",
            // issue 11: the device code grant's polling answers (RFC 8628 §3.5)
            "authorization_pending",
            "slow_down",
            "authorization_declined",
            "expired_token",
            "bad_verification_code");

    @Test
    @DisplayName("issue 8: every error code has an OAuth error and an AADSTS number")
    void everyCodeHasAnOAuthErrorAndAnAadstsNumber() {
        assertThat(ErrorCodes.all()).allSatisfy(code -> {
            AadErrors.AadError error = AadErrors.of(code.value(), Failures.statusOf(code.kind()));
            assertThat(error.error()).as(code.value()).isIn(OAUTH_ERRORS);
            assertThat(error.aadsts()).as(code.value()).isPositive();
            assertThat(error.status()).as(code.value()).isBetween(400, 503).isNotEqualTo(500);
        });
    }
}
