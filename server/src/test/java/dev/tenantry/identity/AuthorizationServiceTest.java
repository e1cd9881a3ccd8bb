package dev.tenantry.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.SignedJWT;
import dev.tenantry.directory.CreatedDirectory;
import dev.tenantry.directory.DirectoryError;
import dev.tenantry.directory.NewUser;
import dev.tenantry.directory.User;
import dev.tenantry.directory.apps.Application;
import dev.tenantry.directory.apps.RedirectUris;
import dev.tenantry.identity.grants.RefreshTokenTexts;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.DomainException;
import dev.tenantry.shared.ErrorCode;
import dev.tenantry.shared.Secrets;
import dev.tenantry.testing.TestWorld;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 11: the rules of the authorization endpoint and the code grant — redirect URIs, PKCE, consent, and codes
 * bound to their client, redirect URI and verifier, redeemed once — over in-memory fakes.
 */
class AuthorizationServiceTest {

    static final String PASSWORD = "Passw0rd!x";
    static final String WEB = "https://app.example/cb";
    static final String BASE = "https://login.example";

    final TestWorld world = TestWorld.create();
    final AuthorizationService authorization = world.services().authorization();
    final CreatedDirectory contoso = world.tenantService()
            .createDirectory("Contoso", "US", "contoso", NewUser.of("Kelley Wall", "admin", PASSWORD));
    final User pete = world.userService()
            .createUser(Caller.system(), contoso.tenant().id(), NewUser.of("Pete Plain", "pete", PASSWORD));
    final Application app = registered();

    Application registered() {
        Application created = world.services()
                .applications()
                .createApplication(Caller.system(), contoso.tenant().id(), "Web");
        world.services()
                .redirectUris()
                .setRedirectUris(
                        Caller.system(),
                        contoso.tenant().id(),
                        created.id(),
                        Map.of(
                                RedirectUris.Platform.WEB, List.of(WEB),
                                RedirectUris.Platform.PUBLIC_CLIENT, List.of("http://localhost")));
        return created;
    }

    AuthorizeRequest request(String redirectUri, String scope, String challenge, String method, String prompt) {
        return new AuthorizeRequest(
                contoso.tenant().id().toString(),
                app.appId().toString(),
                redirectUri,
                "code",
                null,
                scope,
                "s",
                "n",
                prompt,
                null,
                null,
                null,
                challenge,
                method);
    }

    Caller.User user(User user) {
        return new Caller.User(user.tenantId(), user.id());
    }

    static void refusedWith(ErrorCodeValue code, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code())
                .isEqualTo(code.value()));
    }

    /** A code's error code by value, so the test reads like the rule. */
    record ErrorCodeValue(String value) {
        static ErrorCodeValue of(ErrorCode code) {
            return new ErrorCodeValue(code.value());
        }
    }

    TokenResponse redeem(String code, String redirectUri, String verifier, String clientId) {
        return world.services()
                .tokens()
                .token(
                        new TokenRequest(
                                "common",
                                "authorization_code",
                                new TokenRequest.Client(clientId, null),
                                null,
                                true,
                                TokenRequest.Parameters.authorizationCode(code, redirectUri, verifier)),
                        BASE);
    }

    @Test
    @DisplayName("a redirect URI matches only exactly, except a public client's http://localhost on any port")
    void redirectUris() {
        assertThat(authorization
                        .client(request(WEB, "openid", null, null, null))
                        .platform())
                .isEqualTo(RedirectUris.Platform.WEB);
        assertThat(authorization
                        .client(request("http://localhost:4711", "openid", null, null, null))
                        .platform())
                .isEqualTo(RedirectUris.Platform.PUBLIC_CLIENT);
        refusedWith(
                ErrorCodeValue.of(IdentityError.REDIRECT_URI_MISMATCH),
                () -> authorization.client(request(WEB + "/", "openid", null, null, null)));
        refusedWith(
                ErrorCodeValue.of(IdentityError.REDIRECT_URI_MISMATCH),
                () -> authorization.client(request("https://localhost:4711", "openid", null, null, null)));
    }

    @Test
    @DisplayName("a public client must send an S256 PKCE challenge; plain is refused")
    void pkceRequiredForPublicClients() {
        var client = authorization.client(request("http://localhost:1", "openid", null, null, null));
        refusedWith(
                ErrorCodeValue.of(IdentityError.INVALID_AUTHORIZE_REQUEST),
                () -> authorization.check(client, request("http://localhost:1", "openid", null, null, null)));
        String challenge = Hashes.s256("a-verifier-of-enough-length-0123456789012345");
        refusedWith(
                ErrorCodeValue.of(IdentityError.INVALID_AUTHORIZE_REQUEST),
                () -> authorization.check(client, request("http://localhost:1", "openid", challenge, "plain", null)));
        assertThat(authorization
                        .check(client, request("http://localhost:1", "openid", challenge, "S256", null))
                        .scopes()
                        .openid())
                .isTrue();
    }

    @Test
    @DisplayName("nobody signed in: sign in, or interaction_required with prompt=none")
    void signInFirst() {
        var client = authorization.client(request(WEB, "openid", null, null, null));
        var checked = authorization.check(client, request(WEB, "openid", null, null, null));
        assertThat(authorization.decide(client, checked, Optional.empty(), null))
                .isInstanceOf(AuthorizationService.SignIn.class);
        var silent = authorization.check(client, request(WEB, "openid", null, null, "none"));
        assertThat(authorization.decide(client, silent, Optional.empty(), null))
                .isEqualTo(new AuthorizationService.Refuse(
                        "interaction_required",
                        ((AuthorizationService.Refuse) authorization.decide(client, silent, Optional.empty(), null))
                                .description()));
    }

    @Test
    @DisplayName(
            "consent: a user may grant User.ReadBasic.All but not the admin-only Group.Read.All; scp carries only consented scopes")
    void consent() {
        var client = authorization.client(request(WEB, "openid User.ReadBasic.All", null, null, null));
        var checked = authorization.check(client, request(WEB, "openid User.ReadBasic.All", null, null, null));
        assertThat(authorization.decide(client, checked, Optional.of(user(pete)), null))
                .isInstanceOf(AuthorizationService.Consent.class);
        authorization.consent(client, user(pete), List.of("openid", "User.ReadBasic.All"), false);
        assertThat(authorization.decide(client, checked, Optional.of(user(pete)), null))
                .isInstanceOf(AuthorizationService.Issue.class);

        var groups = authorization.check(client, request(WEB, "openid Group.Read.All", null, null, null));
        var decision =
                (AuthorizationService.Consent) authorization.decide(client, groups, Optional.of(user(pete)), null);
        assertThat(decision.adminOnly()).containsExactly("Group.Read.All");
        assertThat(decision.mayConsentForOrganization()).isFalse();
        refusedWith(
                ErrorCodeValue.of(DirectoryError.ADMIN_CONSENT_REQUIRED),
                () -> authorization.consent(client, user(pete), List.of("Group.Read.All"), false));
        refusedWith(
                ErrorCodeValue.of(DirectoryError.ROLE_REQUIRED),
                () -> authorization.consent(client, user(pete), List.of("Group.Read.All"), true));

        // Kelley, a Global Administrator, consents for everyone: Pete now gets Group.Read.All without a page
        authorization.consent(client, user(contoso.admin()), List.of("Group.Read.All"), true);
        assertThat(authorization.decide(client, groups, Optional.of(user(pete)), null))
                .isInstanceOf(AuthorizationService.Issue.class);
        String code = authorization.issue(
                client, request(WEB, "openid Group.Read.All", null, null, null), groups, user(pete));
        assertThat(code).isNotBlank();
    }

    @Test
    @DisplayName("a code is bound to its client, redirect URI and PKCE verifier, and redeemed once")
    void codeBinding() {
        String verifier = "a-verifier-of-enough-length-0123456789012345";
        String challenge = Hashes.s256(verifier);
        String redirect = "http://localhost:8400";
        var req = request(redirect, "openid offline_access User.Read", challenge, "S256", null);
        var client = authorization.client(req);
        String code = authorization.issue(client, req, authorization.check(client, req), user(pete));
        String appId = app.appId().toString();

        refusedWith(
                ErrorCodeValue.of(IdentityError.AUTHORIZATION_CODE_INVALID),
                () -> redeem(
                        code,
                        redirect,
                        verifier,
                        TestWorld.NOW.toString().isEmpty()
                                ? ""
                                : java.util.UUID.randomUUID().toString()));
        refusedWith(
                ErrorCodeValue.of(IdentityError.AUTHORIZATION_CODE_INVALID),
                () -> redeem(code, "http://localhost:8401", verifier, appId));
        refusedWith(
                ErrorCodeValue.of(IdentityError.PKCE_MISMATCH), () -> redeem(code, redirect, verifier + "x", appId));

        TokenResponse tokens = redeem(code, redirect, verifier, appId);
        assertThat(tokens.idToken()).isNotNull();
        assertThat(tokens.refreshToken()).isNotNull();

        refusedWith(
                ErrorCodeValue.of(IdentityError.AUTHORIZATION_CODE_REDEEMED),
                () -> redeem(code, redirect, verifier, appId));
        assertThat(world.refreshTokens()
                        .findFamily(RefreshTokenTexts.familyOf(tokens.refreshToken()))
                        .orElseThrow()
                        .revoked())
                .isTrue();
    }

    @Test
    @DisplayName("the code grant's ID token carries the sid of the browser session that authorised the code")
    void idTokenCarriesTheSessionsSid() throws Exception {
        String verifier = "a-verifier-of-enough-length-0123456789012345";
        String redirect = "http://localhost:8400";
        var req = request(redirect, "openid User.Read", Hashes.s256(verifier), "S256", null);
        var client = authorization.client(req);
        WebSession session = new WebSession(
                Secrets.sha256Hex("cookie"), pete.tenantId(), pete.id(), "csrf", TestWorld.NOW.plusSeconds(3600));
        String sid = SessionService.sid(session);
        String code = authorization.issue(client, req, authorization.check(client, req), user(pete), sid);

        TokenResponse tokens = redeem(code, redirect, verifier, app.appId().toString());

        assertThat(SignedJWT.parse(tokens.idToken()).getJWTClaimsSet().getStringClaim("sid"))
                .matches("[0-9a-f-]{36}")
                .isEqualTo(sid);
        // a code issued with no browser session (as before) carries none
        String bare = authorization.issue(client, req, authorization.check(client, req), user(pete));
        assertThat(SignedJWT.parse(redeem(bare, redirect, verifier, app.appId().toString())
                                .idToken())
                        .getJWTClaimsSet()
                        .getClaims())
                .doesNotContainKey("sid");
    }

    @Test
    @DisplayName("a code issued without PKCE is redeemed only with the client's secret")
    void confidentialWithoutPkce() {
        var req = request(WEB, "openid User.Read", null, null, null);
        var client = authorization.client(req);
        String code = authorization.issue(client, req, authorization.check(client, req), user(pete));
        assertThatThrownBy(() -> redeem(code, WEB, null, app.appId().toString()))
                .isInstanceOf(DomainException.class);
    }
}
