package dev.tenantry.identity.grants;

import static dev.tenantry.identity.grants.GrantFixture.BASE;
import static dev.tenantry.identity.grants.GrantFixture.GRAPH_DEFAULT;
import static dev.tenantry.identity.grants.GrantFixture.claims;
import static dev.tenantry.identity.grants.GrantFixture.refusedWith;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.tenantry.identity.TokenRequest;
import dev.tenantry.identity.TokenResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("issue 8: the client credentials grant is one class")
class ClientCredentialsGrantTest {

    final GrantFixture fixture = new GrantFixture();
    final ClientCredentialsGrant grant = fixture.clientCredentialsGrant();

    TokenRequest request(String tenant, TokenRequest.Client client, String scope) {
        return new TokenRequest(tenant, "client_credentials", client, scope, true, TokenRequest.Parameters.NONE);
    }

    @Test
    @DisplayName("issue 8: answers grant_type=client_credentials only")
    void answersTheClientCredentialsGrantType() {
        assertThat(grant.grantTypes()).containsExactly("client_credentials");
    }

    @Test
    @DisplayName(
            "issue 8: signs an app-only token in the path's tenant, without refresh token, ID token or client_info")
    void issuesAnAppToken() throws Exception {
        TokenResponse response = grant.issue(
                request(fixture.tenantId().toString(), fixture.daemon(), GRAPH_DEFAULT + " openid offline_access"),
                BASE);

        JWTClaimsSet access = claims(response.accessToken());
        assertThat(access.getStringClaim("idtyp")).isEqualTo("app");
        assertThat(access.getStringClaim("tid")).isEqualTo(fixture.tenantId().toString());
        assertThat(access.getAudience()).containsExactly("https://graph.microsoft.com");
        assertThat(response.refreshToken()).isNull();
        assertThat(response.idToken()).isNull();
        assertThat(response.clientInfo()).isNull();
    }

    @Test
    @DisplayName("issue 8: /common and /organizations are refused with tenant_required")
    void needsATenantPath() {
        refusedWith(
                "tenant_required", () -> grant.issue(request("organizations", fixture.daemon(), GRAPH_DEFAULT), BASE));
    }

    @Test
    @DisplayName("issue 8: a scope that is not <resource>/.default is refused with invalid_scope")
    void needsTheDefaultScope() {
        refusedWith(
                "invalid_scope",
                () -> grant.issue(
                        request(
                                fixture.tenantId().toString(),
                                fixture.daemon(),
                                "https://graph.microsoft.com/User.Read"),
                        BASE));
    }

    @Test
    @DisplayName("issue 8: a public first-party client is an unknown client, a wrong secret an invalid secret")
    void needsAConfidentialClient() {
        String tenant = fixture.tenantId().toString();
        TokenRequest.Client daemon = fixture.daemon();

        refusedWith(
                "invalid_client",
                () -> grant.issue(
                        request(tenant, new TokenRequest.Client(GrantFixture.CLI, "anything"), GRAPH_DEFAULT), BASE));
        refusedWith(
                "invalid_client_secret",
                () -> grant.issue(request(tenant, new TokenRequest.Client(daemon.id(), "wrong"), GRAPH_DEFAULT), BASE));
    }
}
