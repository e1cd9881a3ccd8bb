package dev.tenantry.identity.grants;

import static dev.tenantry.identity.grants.GrantFixture.ADMIN;
import static dev.tenantry.identity.grants.GrantFixture.BASE;
import static dev.tenantry.identity.grants.GrantFixture.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantry.identity.Audiences;
import dev.tenantry.identity.Grant;
import dev.tenantry.identity.TokenRequest;
import dev.tenantry.identity.TokenResponse;
import dev.tenantry.identity.TokenService;
import dev.tenantry.shared.DomainException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("issue 8: a new grant is a new class plus a registration line")
class GrantRegistrationTest {

    final GrantFixture fixture = new GrantFixture();

    /** A grant only this test knows: it answers with the scope it was asked for, as an opaque "token". */
    record EchoGrant(String grantType) implements Grant {

        @Override
        public Set<String> grantTypes() {
            return Set.of(grantType);
        }

        @Override
        public TokenResponse issue(TokenRequest request, String baseUrl) {
            return new TokenResponse("echo:" + request.scope(), 60, request.scope(), null, null, null);
        }
    }

    List<Grant> standard() {
        return Grants.standard(
                fixture.world.tenantService(),
                fixture.world.userService(),
                fixture.world.roleService(),
                fixture.applications,
                fixture.world.directoryGroups(),
                fixture.lockouts,
                fixture.keys,
                fixture.stored,
                new Audiences(null),
                fixture.clock);
    }

    TokenService withExtra(Grant extra) {
        List<Grant> grants = new ArrayList<>(standard());
        grants.add(extra); // the registration line
        return new TokenService(grants);
    }

    static TokenRequest request(String grantType) {
        return new TokenRequest(
                "common", grantType, new TokenRequest.Client(GrantFixture.CLI, null), "hello", false, null);
    }

    static String refusal(TokenService tokens, String grantType) {
        try {
            tokens.token(request(grantType), BASE);
        } catch (DomainException e) {
            return e.code() + ": " + e.getMessage();
        }
        throw new AssertionError("the grant type " + grantType + " was answered");
    }

    @Test
    @DisplayName("issue 8: a registered test-only grant is dispatched, and the standard grants still answer")
    void dispatchesARegisteredGrant() {
        TokenService tokens = withExtra(new EchoGrant("urn:tenantry:test:echo"));

        assertThat(tokens.token(request("urn:tenantry:test:echo"), BASE).accessToken())
                .isEqualTo("echo:hello");
        assertThat(tokens.token(GrantFixture.password("common", ADMIN, PASSWORD, GrantFixture.GRAPH_DEFAULT), BASE)
                        .accessToken())
                .isNotBlank();
    }

    @Test
    @DisplayName("issue 8: a grant registered for a type answered 'not yet' (authorization_code) takes it over")
    void aRegisteredGrantReplacesNotYet() {
        TokenService standard = new TokenService(standard());
        TokenService extended = withExtra(new EchoGrant("authorization_code"));

        assertThat(refusal(standard, "authorization_code"))
                .isEqualTo("unsupported_grant_type: The grant type 'authorization_code' is not supported by this "
                        + "server yet.");
        assertThat(extended.token(request("authorization_code"), BASE).accessToken())
                .isEqualTo("echo:hello");
    }

    @Test
    @DisplayName("issue 8: unknown and missing grant types keep today's answers")
    void unknownGrantTypesKeepTheirAnswers() {
        TokenService tokens = new TokenService(standard());

        assertThat(refusal(tokens, "urn:ietf:params:oauth:grant-type:device_code"))
                .isEqualTo("unsupported_grant_type: The grant type "
                        + "'urn:ietf:params:oauth:grant-type:device_code' is not supported by this server yet.");
        assertThat(refusal(tokens, "implicit"))
                .isEqualTo("unsupported_grant_type: The grant type 'implicit' is not supported.");
        assertThat(refusal(tokens, "Password"))
                .isEqualTo("unsupported_grant_type: The grant type 'Password' is not supported.");
        assertThat(refusal(tokens, ""))
                .isEqualTo(
                        "missing_parameter: The request body must contain the following parameter: " + "'grant_type'.");
    }

    @Test
    @DisplayName("issue 8: two grants that answer the same grant type are refused at wiring time")
    void refusesTwoGrantsForOneType() {
        assertThatThrownBy(() -> withExtra(new EchoGrant("password")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'password'");
    }

    @Test
    @DisplayName("issue 8: a token request prints no secret, password, token or user name")
    void tokenRequestsPrintNoSecrets() {
        TokenRequest withPassword = new TokenRequest(
                "common",
                "password",
                new TokenRequest.Client("app-id", "s3cr3t-value"),
                "openid",
                true,
                TokenRequest.Parameters.password("megan@contoso.onmicrosoft.test", "Passw0rd!m"));
        TokenRequest withRefresh = GrantFixture.refresh("app-id", "rt-0123456789", null);

        assertThat(withPassword.toString())
                .contains("app-id", "username", "password")
                .doesNotContain("s3cr3t-value", "Passw0rd!m", "megan@");
        assertThat(withRefresh.toString()).contains("refresh_token").doesNotContain("rt-0123456789");
    }
}
