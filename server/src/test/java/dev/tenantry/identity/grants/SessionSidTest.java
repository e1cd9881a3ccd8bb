package dev.tenantry.identity.grants;

import static dev.tenantry.identity.grants.GrantFixture.BASE;
import static dev.tenantry.identity.grants.GrantFixture.claims;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.directory.apps.Application;
import dev.tenantry.directory.apps.CreatedSecret;
import dev.tenantry.directory.apps.RedirectUris;
import dev.tenantry.identity.DeviceCodeService;
import dev.tenantry.identity.TokenRequest;
import dev.tenantry.identity.TokenResponse;
import dev.tenantry.identity.TokenService;
import dev.tenantry.shared.Caller;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 11: the {@code sid} of the browser session a sign-in began in stays with its refresh token family, so an ID
 * token issued on refresh carries the {@code sid} the first one had (front-channel logout keeps matching it).
 */
class SessionSidTest {

    static final String WEB = "https://app.example/cb";
    static final String SCOPE = "openid profile offline_access https://graph.microsoft.com/User.Read";
    static final String SID = "3f2e1d0c-9b8a-4765-8432-10fedcba9876";

    final GrantFixture fixture = new GrantFixture();
    final TokenService tokens = fixture.world.services().tokens();
    final Application web = fixture.applications.createApplication(fixture.admin(), fixture.tenantId(), "Web");
    final CreatedSecret secret =
            fixture.applications.addPassword(fixture.admin(), fixture.tenantId(), web.id(), null, null);
    final TokenRequest.Client client = new TokenRequest.Client(web.appId().toString(), secret.secretText());
    final Caller.User admin = (Caller.User) fixture.admin();

    SessionSidTest() {
        fixture.applications.createServicePrincipal(fixture.admin(), fixture.tenantId(), web.appId());
        fixture.world
                .services()
                .redirectUris()
                .setRedirectUris(
                        fixture.admin(), fixture.tenantId(), web.id(), Map.of(RedirectUris.Platform.WEB, List.of(WEB)));
    }

    TokenResponse token(String grantType, TokenRequest.Parameters parameters) {
        return tokens.token(
                new TokenRequest(fixture.tenantId().toString(), grantType, client, null, true, parameters), BASE);
    }

    TokenResponse refreshed(TokenResponse first) {
        return token("refresh_token", TokenRequest.Parameters.refreshToken(first.refreshToken()));
    }

    static String sid(TokenResponse response) throws Exception {
        return claims(response.idToken()).getStringClaim("sid");
    }

    @Test
    @DisplayName("issue 11: a code authorised in a browser session — its sid in the first ID token and every refreshed"
            + " one")
    void authorizationCodeFamilyKeepsTheSid() throws Exception {
        String code = fixture.adminCode(fixture.authorizeRequest(web.appId(), WEB, "code", SCOPE), SID);

        TokenResponse first = token("authorization_code", TokenRequest.Parameters.authorizationCode(code, WEB, null));
        assertThat(sid(first)).isEqualTo(SID);
        TokenResponse second = refreshed(first);
        assertThat(sid(second)).isEqualTo(SID);
        assertThat(sid(refreshed(second))).isEqualTo(SID);
    }

    @Test
    @DisplayName("issue 11: a device code approved in a browser session — its sid in the ID tokens, refreshed too")
    void deviceCodeFamilyKeepsTheSid() throws Exception {
        DeviceCodeService deviceCodes = fixture.world.services().deviceCodes();
        DeviceCodeService.DeviceAuthorization started =
                deviceCodes.start(fixture.tenantId().toString(), client.id(), SCOPE, BASE);
        deviceCodes.decide(admin, started.userCode(), true, SID);

        TokenResponse first = token("device_code", TokenRequest.Parameters.deviceCode(started.deviceCode()));
        assertThat(sid(first)).isEqualTo(SID);
        assertThat(sid(refreshed(first))).isEqualTo(SID);
    }

    @Test
    @DisplayName("issue 11: a sign-in without a browser session (password) has no sid, refreshed neither")
    void passwordHasNoSid() throws Exception {
        TokenResponse first = tokens.token(
                new TokenRequest(
                        fixture.tenantId().toString(),
                        "password",
                        client,
                        SCOPE,
                        true,
                        TokenRequest.Parameters.password(GrantFixture.ADMIN, GrantFixture.PASSWORD)),
                BASE);
        assertThat(sid(first)).isNull();
        assertThat(sid(refreshed(first))).isNull();
    }
}
