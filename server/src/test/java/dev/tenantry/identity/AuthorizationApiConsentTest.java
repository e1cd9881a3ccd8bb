package dev.tenantry.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import dev.tenantry.directory.CreatedDirectory;
import dev.tenantry.directory.DirectoryError;
import dev.tenantry.directory.NewUser;
import dev.tenantry.directory.User;
import dev.tenantry.directory.apps.Application;
import dev.tenantry.directory.apps.ExposedApiService;
import dev.tenantry.directory.apps.PermissionScope;
import dev.tenantry.directory.apps.RedirectUris;
import dev.tenantry.directory.apps.RequiredResourceAccess;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.DomainException;
import dev.tenantry.testing.TestWorld;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 11: the authorization endpoint for an API an app registration of the directory exposes — the consent page's
 * permissions, user and admin consent recorded against the API's service principal, and the code redeemed for a token
 * whose audience is the API — over in-memory fakes.
 */
class AuthorizationApiConsentTest {

    static final String PASSWORD = "Passw0rd!x";
    static final String WEB = "https://app.example/cb";
    static final String BASE = "https://login.example";

    final TestWorld world = TestWorld.create();
    final AuthorizationService authorization = world.services().authorization();
    final CreatedDirectory contoso = world.tenantService()
            .createDirectory("Contoso", "US", "contoso", NewUser.of("Kelley Wall", "admin", PASSWORD));
    final Caller.User kelley =
            new Caller.User(contoso.tenant().id(), contoso.admin().id());
    final User peteUser = world.userService()
            .createUser(Caller.system(), contoso.tenant().id(), NewUser.of("Pete Plain", "pete", PASSWORD));
    final Caller.User pete = new Caller.User(peteUser.tenantId(), peteUser.id());
    final Application app = world.services()
            .applications()
            .createApplication(Caller.system(), contoso.tenant().id(), "Web");
    final Application api = world.services()
            .applications()
            .createApplication(Caller.system(), contoso.tenant().id(), "Orders API");
    final String apiUri = "api://" + api.appId();
    final UUID accessAsUser = UUID.randomUUID();

    AuthorizationApiConsentTest() {
        world.services()
                .redirectUris()
                .setRedirectUris(
                        Caller.system(),
                        contoso.tenant().id(),
                        app.id(),
                        Map.of(RedirectUris.Platform.WEB, List.of(WEB)));
        world.services()
                .applications()
                .createServicePrincipal(kelley, contoso.tenant().id(), api.appId());
        world.services()
                .exposedApis()
                .change(
                        kelley,
                        contoso.tenant().id(),
                        api.id(),
                        new ExposedApiService.Change(
                                List.of(apiUri),
                                List.of(
                                        new PermissionScope(
                                                accessAsUser,
                                                "access_as_user",
                                                PermissionScope.USER,
                                                "Access Orders API",
                                                "Lets the app call Orders API for everyone.",
                                                "Access Orders API as you",
                                                "Lets the app call Orders API as you.",
                                                true),
                                        new PermissionScope(
                                                UUID.randomUUID(),
                                                "Orders.All",
                                                PermissionScope.ADMIN,
                                                "Read all orders",
                                                "Lets the app read every order.",
                                                null,
                                                null,
                                                true)),
                                false,
                                null));
    }

    AuthorizeRequest request(String scope, String prompt) {
        return new AuthorizeRequest(
                contoso.tenant().id().toString(),
                app.appId().toString(),
                WEB,
                "code",
                null,
                scope,
                "s",
                "n",
                prompt,
                null,
                null,
                null,
                null,
                null);
    }

    JWTClaimsSet redeem(String code) throws Exception {
        TokenResponse tokens = world.services()
                .tokens()
                .token(
                        new TokenRequest(
                                "common",
                                "authorization_code",
                                new TokenRequest.Client(app.appId().toString(), secret()),
                                null,
                                true,
                                TokenRequest.Parameters.authorizationCode(code, WEB, null)),
                        BASE);
        assertThat(tokens.idToken()).isNotNull();
        return JWTParser.parse(tokens.accessToken()).getJWTClaimsSet();
    }

    String secret() {
        return world.services()
                .applications()
                .addPassword(kelley, contoso.tenant().id(), app.id(), "test", null)
                .secretText();
    }

    @Test
    @DisplayName("issue 11: a user consents to an API's User scope; the code gives a token for the API with that scp")
    void userConsentToApiScope() throws Exception {
        var req = request("openid profile offline_access " + apiUri + "/access_as_user", null);
        var client = authorization.client(req);
        var checked = authorization.check(client, req);
        assertThat(checked.api().appId()).isEqualTo(api.appId());

        var silent = authorization.check(client, request(req.scope(), "none"));
        assertThat(authorization.decide(client, silent, Optional.of(pete), null))
                .isInstanceOfSatisfying(AuthorizationService.Refuse.class, r -> assertThat(r.error())
                        .isEqualTo("consent_required"));

        var consent = (AuthorizationService.Consent) authorization.decide(client, checked, Optional.of(pete), null);
        assertThat(consent.permissions()).contains("access_as_user", "openid");
        assertThat(consent.adminOnly()).isEmpty();
        assertThat(authorization
                        .apiScope(checked, "access_as_user")
                        .orElseThrow()
                        .displayName())
                .isEqualTo("Access Orders API as you");

        authorization.consent(client, checked, pete, authorization.permissions(checked), false);
        UUID apiSp = world.services()
                .applications()
                .findServicePrincipalByAppId(contoso.tenant().id(), api.appId())
                .orElseThrow()
                .id();
        assertThat(world.services()
                        .permissionGrants()
                        .consentedScopes(contoso.tenant().id(), peteUser.id().value(), app.appId(), apiSp))
                .containsExactly("access_as_user");
        assertThat(authorization.decide(client, checked, Optional.of(pete), null))
                .isInstanceOf(AuthorizationService.Issue.class);

        JWTClaimsSet token = redeem(authorization.issue(client, req, checked, pete));
        assertThat(token.getAudience()).containsExactly(apiUri);
        assertThat(token.getStringClaim("scp")).isEqualTo("access_as_user");
    }

    @Test
    @DisplayName("issue 11: an Admin scope of an API needs an administrator; after admin consent the user gets it")
    void adminOnlyApiScope() throws Exception {
        var req = request("openid " + api.appId() + "/Orders.All", null);
        var client = authorization.client(req);
        var checked = authorization.check(client, req);
        var consent = (AuthorizationService.Consent) authorization.decide(client, checked, Optional.of(pete), null);
        assertThat(consent.adminOnly()).containsExactly("Orders.All");
        assertThat(consent.mayConsentForOrganization()).isFalse();
        assertThatThrownBy(() -> authorization.consent(client, checked, pete, List.of("Orders.All"), false))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code())
                        .isEqualTo(DirectoryError.ADMIN_CONSENT_REQUIRED.value()));

        authorization.consent(client, checked, kelley, authorization.permissions(checked), true);
        assertThat(authorization.decide(client, checked, Optional.of(pete), null))
                .isInstanceOf(AuthorizationService.Issue.class);
        JWTClaimsSet token = redeem(authorization.issue(client, req, checked, pete));
        assertThat(token.getStringClaim("scp")).isEqualTo("Orders.All");
        assertThat(token.getAudience()).containsExactly(api.appId().toString());
    }

    @Test
    @DisplayName("issue 11: an unknown API is AADSTS500011, a scope the API does not offer AADSTS650053")
    void unknownApi() {
        var client = authorization.client(request("openid", null));
        assertThatThrownBy(() -> authorization.check(client, request("api://nothing/x", null)))
                .hasMessageContaining("AADSTS500011");
        assertThatThrownBy(() -> authorization.check(client, request(apiUri + "/Nope", null)))
                .hasMessageContaining("AADSTS650053");
    }

    @Test
    @DisplayName("issue 11: .default for an API asks consent for the scopes the client's requiredResourceAccess lists"
            + " (Entra's static consent), and the token carries them")
    void defaultAsksForTheStaticPermissions() throws Exception {
        world.services()
                .applications()
                .appRoles()
                .setRequiredResourceAccess(
                        kelley,
                        contoso.tenant().id(),
                        app.id(),
                        List.of(new RequiredResourceAccess(
                                api.appId(),
                                List.of(new RequiredResourceAccess.Access(
                                        accessAsUser, RequiredResourceAccess.Type.Scope)))));
        var req = request("openid offline_access " + apiUri + "/.default", null);
        var client = authorization.client(req);
        var checked = authorization.check(client, req);

        var consent = (AuthorizationService.Consent) authorization.decide(client, checked, Optional.of(pete), null);
        assertThat(consent.permissions()).contains("access_as_user").doesNotContain("Orders.All");
        assertThat(consent.adminOnly()).isEmpty();
        authorization.consent(client, checked, pete, authorization.permissions(checked), false);
        assertThat(authorization.decide(client, checked, Optional.of(pete), null))
                .isInstanceOf(AuthorizationService.Issue.class);

        JWTClaimsSet token = redeem(authorization.issue(client, req, checked, pete));
        assertThat(token.getAudience()).containsExactly(apiUri);
        assertThat(token.getStringClaim("scp")).isEqualTo("access_as_user");
    }

    @Test
    @DisplayName("issue 11: .default for an API the client's registration does not list, with nothing consented, goes"
            + " back as AADSTS650057")
    void defaultForAnUnlistedApiIsRefused() {
        var req = request("openid " + apiUri + "/.default", null);
        var client = authorization.client(req);
        var checked = authorization.check(client, req);

        assertThat(authorization.decide(client, checked, Optional.of(pete), null))
                .isInstanceOfSatisfying(AuthorizationService.Refuse.class, refuse -> {
                    assertThat(refuse.error()).isEqualTo("invalid_client");
                    assertThat(refuse.description()).startsWith("AADSTS650057");
                });
    }
}
