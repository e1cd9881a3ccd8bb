package dev.tenantry.identity.grants;

import static dev.tenantry.identity.grants.GrantFixture.ADMIN;
import static dev.tenantry.identity.grants.GrantFixture.BASE;
import static dev.tenantry.identity.grants.GrantFixture.GRAPH_DEFAULT;
import static dev.tenantry.identity.grants.GrantFixture.PASSWORD;
import static dev.tenantry.identity.grants.GrantFixture.claims;
import static dev.tenantry.identity.grants.GrantFixture.password;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.tenantry.directory.DirectoryRoleTemplate;
import dev.tenantry.directory.NewUser;
import dev.tenantry.identity.TokenResponse;
import dev.tenantry.shared.DomainException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("issue 8: the password grant is one class")
class PasswordGrantTest {

    final GrantFixture fixture = new GrantFixture();
    final PasswordGrant grant = fixture.passwordGrant();

    @Test
    @DisplayName("issue 8: answers grant_type=password only")
    void answersThePasswordGrantType() {
        assertThat(grant.grantTypes()).containsExactly("password");
    }

    @Test
    @DisplayName("issue 8: signs the user's access token with their directory roles, ID token and client_info")
    void issuesUserTokens() throws Exception {
        TokenResponse response = grant.issue(
                password("contoso.onmicrosoft.test", ADMIN, PASSWORD, GRAPH_DEFAULT + " openid offline_access"), BASE);

        JWTClaimsSet access = claims(response.accessToken());
        assertThat(access.getIssuer()).isEqualTo(BASE + "/" + fixture.tenantId() + "/v2.0");
        assertThat(access.getStringListClaim("wids"))
                .containsExactly(
                        DirectoryRoleTemplate.GLOBAL_ADMINISTRATOR.templateId().toString());
        assertThat(claims(response.idToken()).getAudience()).containsExactly(GrantFixture.CLI);
        assertThat(new String(Base64.getUrlDecoder().decode(response.clientInfo()), StandardCharsets.UTF_8))
                .isEqualTo(
                        "{\"uid\":\"" + fixture.contoso.admin().id() + "\",\"utid\":\"" + fixture.tenantId() + "\"}");
        assertThat(fixture.stored.findFamily(RefreshTokenTexts.familyOf(response.refreshToken())))
                .hasValueSatisfying(t ->
                        assertThat(t.userId()).isEqualTo(fixture.contoso.admin().id()));
        assertThat(response.expiresIn()).isEqualTo(3599);
    }

    @Test
    @DisplayName("issue 8: no refresh token and no ID token unless offline_access and openid are asked for")
    void refreshAndIdTokensOnlyWhenAsked() {
        TokenResponse response =
                grant.issue(password("common", ADMIN, PASSWORD, "https://graph.microsoft.com/User.Read"), BASE);

        assertThat(response.refreshToken()).isNull();
        assertThat(response.idToken()).isNull();
    }

    @Test
    @DisplayName("issue 8: a user of another directory is refused on this directory's path like a wrong password")
    void refusesAUserOfAnotherDirectory() {
        fixture.world
                .tenantService()
                .createDirectory("Fabrikam", "US", "fabrikam", NewUser.of("Alex Wilber", "admin", "Passw0rd!y"));

        assertThatThrownBy(() -> grant.issue(
                        password(fixture.tenantId().toString(), "admin@fabrikam.onmicrosoft.test", "Passw0rd!y", null),
                        BASE))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("invalid_credentials"));
    }

    @Test
    @DisplayName("issue 8: a missing password is a missing_parameter that names it")
    void namesAMissingPassword() {
        assertThatThrownBy(() -> grant.issue(password("common", ADMIN, " ", GRAPH_DEFAULT), BASE))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("missing_parameter"))
                .hasMessageContaining("'password'");
    }
}
