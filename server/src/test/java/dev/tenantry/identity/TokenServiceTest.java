package dev.tenantry.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tenantry.directory.CreatedDirectory;
import dev.tenantry.directory.NewUser;
import dev.tenantry.directory.apps.Application;
import dev.tenantry.directory.apps.ApplicationService;
import dev.tenantry.directory.apps.CreatedSecret;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.DomainException;
import dev.tenantry.testing.TestClock;
import dev.tenantry.testing.TestWorld;
import java.text.ParseException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TokenServiceTest {

    static final String CLI = "04b07795-8ddb-461a-bbee-02f9e1bf7b46";
    static final String BASE = "https://login.example";
    final TestClock clock = TestClock.atTen();
    final TestWorld world = TestWorld.create(clock);
    final InMemoryIdentityStores.RefreshTokens refreshTokens = world.refreshTokens();
    final ApplicationService applications = world.services().applications();
    final TokenService tokens = world.services().tokens();
    final CreatedDirectory contoso = world.tenantService()
            .createDirectory("Contoso", "US", "contoso", NewUser.of("Kelley Wall", "admin", "Passw0rd!x"));

    TokenResponse password(String scope) {
        return tokens.token(
                new TokenRequest(
                        "contoso.onmicrosoft.test",
                        "password",
                        new TokenRequest.Client(CLI, null),
                        scope,
                        true,
                        TokenRequest.Parameters.password("admin@contoso.onmicrosoft.test", "Passw0rd!x")),
                BASE);
    }

    TokenResponse refresh(String refreshToken, String scope) {
        return tokens.token(
                new TokenRequest(
                        "common",
                        "refresh_token",
                        new TokenRequest.Client(CLI, null),
                        scope,
                        true,
                        TokenRequest.Parameters.refreshToken(refreshToken)),
                BASE);
    }

    static JWTClaimsSet claims(String jwt) throws ParseException {
        return SignedJWT.parse(jwt).getJWTClaimsSet();
    }

    @Test
    void offlineAccessAndOpenidDecideRefreshAndIdTokens() throws Exception {
        TokenResponse full = password("https://graph.microsoft.com/.default openid profile offline_access");
        TokenResponse bare = password("https://graph.microsoft.com/User.Read");

        assertThat(full.refreshToken()).isNotNull();
        assertThat(full.idToken()).isNotNull();
        assertThat(bare.refreshToken()).isNull();
        assertThat(bare.idToken()).isNull();
        assertThat(claims(bare.accessToken()).getStringClaim("scp")).isEqualTo("User.Read");
        assertThat(claims(full.accessToken()).getIssuer())
                .isEqualTo(BASE + "/" + contoso.tenant().id() + "/v2.0");
    }

    @Test
    void replayingARotatedRefreshTokenRevokesTheFamily() {
        String first =
                password("https://graph.microsoft.com/.default offline_access").refreshToken();
        String second = refresh(first, null).refreshToken();

        assertThatThrownBy(() -> refresh(first, null))
                .extracting(t -> ((DomainException) t).code())
                .isEqualTo("refresh_token_revoked");
        assertThatThrownBy(() -> refresh(second, null))
                .extracting(t -> ((DomainException) t).code())
                .isEqualTo("refresh_token_revoked");
    }

    @Test
    void refreshTokensExpireAfterNinetyDays() {
        String token =
                password("https://graph.microsoft.com/.default offline_access").refreshToken();
        clock.advance(Duration.ofDays(91));

        assertThatThrownBy(() -> refresh(token, null))
                .extracting(t -> ((DomainException) t).code())
                .isEqualTo("refresh_token_expired");
    }

    @Test
    void clientCredentialsIgnoreOidcScopes() throws Exception {
        Caller admin = new Caller.User(contoso.tenant().id(), contoso.admin().id());
        Application app = applications.createApplication(admin, contoso.tenant().id(), "Daemon");
        CreatedSecret secret = applications.addPassword(admin, contoso.tenant().id(), app.id(), null, null);
        applications.createServicePrincipal(admin, contoso.tenant().id(), app.appId());

        TokenResponse response = tokens.token(
                new TokenRequest(
                        contoso.tenant().id().toString(),
                        "client_credentials",
                        new TokenRequest.Client(app.appId().toString(), secret.secretText()),
                        "https://management.core.windows.net//.default openid profile offline_access",
                        true,
                        TokenRequest.Parameters.NONE),
                BASE);

        assertThat(response.refreshToken()).isNull();
        assertThat(response.idToken()).isNull();
        assertThat(response.clientInfo()).isNull();
        assertThat(claims(response.accessToken()).getAudience())
                .containsExactly("https://management.core.windows.net/");
        assertThat(claims(response.accessToken()).getClaim("roles")).isNull();
    }

    @Test
    void tokensVerifyWithinFiveMinutesOfSkewOnly() {
        String token = password("https://graph.microsoft.com/.default").accessToken();
        AccessTokenVerifier verifier =
                new AccessTokenVerifier(world.services().signingKeys(), new Audiences(null), clock);
        ProtectedResource graph = ProtectedResource.GRAPH;

        clock.advance(Duration.ofMinutes(64));
        assertThat(verifier.verify(token, graph)).isInstanceOf(Caller.User.class);
        clock.advance(Duration.ofMinutes(2));
        assertThatThrownBy(() -> verifier.verify(token, graph)).hasMessageContaining("expired");
    }

    @Test
    void aCheckedTokenIsRememberedButEveryCallStillChecksWhatItMust() {
        String token = password("https://graph.microsoft.com/.default").accessToken();
        AccessTokenVerifier verifier =
                new AccessTokenVerifier(world.services().signingKeys(), new Audiences(null), clock);
        assertThat(verifier.verify(token, ProtectedResource.GRAPH)).isInstanceOf(Caller.User.class);

        // the remembered token is Graph's: ARM still refuses it
        assertThatThrownBy(() -> verifier.verify(token, ProtectedResource.MANAGEMENT))
                .hasMessageContaining("audience");
        // another payload under the same header and signature (a different expiry) is another token: checked again
        int dot = token.indexOf('.');
        int lastDot = token.lastIndexOf('.');
        String payload = com.nimbusds.jose.util.Base64URL.from(token.substring(dot + 1, lastDot))
                .decodeToString()
                .replaceFirst("\"exp\":(\\d)", "\"exp\":9$1");
        String tampered = token.substring(0, dot + 1)
                + com.nimbusds.jose.util.Base64URL.encode(payload)
                + token.substring(lastDot);
        assertThatThrownBy(() -> verifier.verify(tampered, ProtectedResource.GRAPH))
                .hasMessageContaining("signature");
        assertThat(verifier.subject(token).sub()).isNotBlank();
    }

    @Test
    void theMemoryOfCheckedTokensIsBounded() {
        AccessTokenVerifier verifier =
                new AccessTokenVerifier(world.services().signingKeys(), new Audiences(null), clock);
        String first = password("https://graph.microsoft.com/.default").accessToken();
        verifier.verify(first, ProtectedResource.GRAPH);
        for (int i = 0; i <= AccessTokenVerifier.CHECKED_TOKENS; i++) {
            clock.advance(Duration.ofMillis(1));
            verifier.verify(password("https://graph.microsoft.com/.default").accessToken(), ProtectedResource.GRAPH);
            assertThat(verifier.rememberedTokens()).isLessThanOrEqualTo(AccessTokenVerifier.CHECKED_TOKENS);
        }
        // past the bound the memory starts again: the first token is checked afresh, and still valid
        assertThat(verifier.verify(first, ProtectedResource.GRAPH)).isInstanceOf(Caller.User.class);
    }

    @Test
    void nodesSharingAStoreAgreeOnTheFirstKey() {
        InMemoryIdentityStores.SigningKeyStore store = new InMemoryIdentityStores.SigningKeyStore();

        SigningKeys first = SigningKeys.loadOrCreate(store, clock);
        SigningKeys second = SigningKeys.loadOrCreate(store, clock);

        assertThat(second.currentKid()).isEqualTo(first.currentKid());
        assertThat(store.all()).hasSize(1);
    }
}
