package dev.tenantry.identity.grants;

import static dev.tenantry.identity.grants.GrantFixture.ADMIN;
import static dev.tenantry.identity.grants.GrantFixture.BASE;
import static dev.tenantry.identity.grants.GrantFixture.PASSWORD;
import static dev.tenantry.identity.grants.GrantFixture.claims;
import static dev.tenantry.identity.grants.GrantFixture.refusedWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.tenantry.directory.apps.Application;
import dev.tenantry.directory.apps.ExposedApiService;
import dev.tenantry.directory.apps.PermissionGrant;
import dev.tenantry.directory.apps.PermissionScope;
import dev.tenantry.identity.Audiences;
import dev.tenantry.identity.ConsentedScopes;
import dev.tenantry.identity.DirectoryApis;
import dev.tenantry.identity.ProtectedResource;
import dev.tenantry.identity.RegisteredApis;
import dev.tenantry.identity.TokenRequest;
import dev.tenantry.identity.TokenResource;
import dev.tenantry.identity.TokenResponse;
import dev.tenantry.identity.TokenService;
import dev.tenantry.shared.AuthenticationException;
import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.UserId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("issue 11: tokens for the API an app registration of the directory exposes")
class ApiTokensTest {

    final GrantFixture fixture = new GrantFixture();
    final TokenService tokens = fixture.world.services().tokens();
    final ExposedApiService apis = fixture.world.services().exposedApis();
    final Application api = fixture.applications.createApplication(fixture.admin(), fixture.tenantId(), "Orders API");
    final String apiUri = "api://" + api.appId();
    final UUID apiSp = fixture.applications
            .createServicePrincipal(fixture.admin(), fixture.tenantId(), api.appId())
            .id();
    final TokenRequest.Client web = fixture.daemon();

    ApiTokensTest() {
        apis.change(
                fixture.admin(),
                fixture.tenantId(),
                api.id(),
                new ExposedApiService.Change(
                        List.of(apiUri),
                        List.of(
                                scope("access_as_user", PermissionScope.USER),
                                scope("Orders.All", PermissionScope.ADMIN)),
                        false,
                        null));
    }

    static PermissionScope scope(String value, String type) {
        return new PermissionScope(UUID.randomUUID(), value, type, value, value, value, value, true);
    }

    void consent(String scope) {
        UUID webSp = fixture.applications
                .findServicePrincipalByAppId(fixture.tenantId(), UUID.fromString(web.id()))
                .orElseThrow()
                .id();
        fixture.world
                .services()
                .permissionGrants()
                .create(fixture.admin(), fixture.tenantId(), webSp, PermissionGrant.ALL_PRINCIPALS, null, apiSp, scope);
    }

    void tokenVersion(Integer version) {
        apis.change(
                fixture.admin(), fixture.tenantId(), api.id(), new ExposedApiService.Change(null, null, true, version));
    }

    TokenResponse password(String scope) {
        return tokens.token(
                new TokenRequest(
                        fixture.tenantId().toString(),
                        "password",
                        web,
                        scope,
                        true,
                        TokenRequest.Parameters.password(ADMIN, PASSWORD)),
                BASE);
    }

    @Test
    @DisplayName("issue 11: a v1.0 token by default: aud the identifier URI asked for, the v1 issuer, ver 1.0, the"
            + " consented scp, appid and no azp")
    void v1TokenByDefault() throws Exception {
        consent("access_as_user");

        JWTClaimsSet token = claims(password(apiUri + "/access_as_user openid").accessToken());

        assertThat(token.getAudience()).containsExactly(apiUri);
        assertThat(token.getIssuer()).isEqualTo(BASE + "/" + fixture.tenantId() + "/");
        assertThat(token.getStringClaim("ver")).isEqualTo("1.0");
        assertThat(token.getStringClaim("scp")).isEqualTo("access_as_user");
        assertThat(token.getStringClaim("appid")).isEqualTo(web.id());
        assertThat(token.getClaim("azp")).isNull();
        assertThat(token.getStringClaim("oid"))
                .isEqualTo(fixture.contoso.admin().id().toString());
    }

    @Test
    @DisplayName("issue 11: requestedAccessTokenVersion 2 gives a v2.0 token whose aud is the app id, for any way the"
            + " API is named")
    void v2TokenWhenAsked() throws Exception {
        consent("access_as_user Orders.All");
        tokenVersion(2);

        for (String scope : List.of(apiUri + "/.default", api.appId() + "/.default", api.appId() + "/Orders.All")) {
            JWTClaimsSet token = claims(password(scope).accessToken());
            assertThat(token.getAudience()).containsExactly(api.appId().toString());
            assertThat(token.getIssuer()).isEqualTo(BASE + "/" + fixture.tenantId() + "/v2.0");
            assertThat(token.getStringClaim("ver")).isEqualTo("2.0");
            assertThat(token.getStringClaim("azp")).isEqualTo(web.id());
        }
        assertThat(claims(password(apiUri + "/.default").accessToken()).getStringClaim("scp"))
                .isEqualTo("access_as_user Orders.All");
    }

    @Test
    @DisplayName("issue 11: no consent is AADSTS65001, a scope the API lacks AADSTS650053, an unknown API AADSTS500011")
    void refusals() {
        refusedWith("consent_required", () -> password(apiUri + "/access_as_user"));
        refusedWith("consent_required", () -> password(apiUri + "/.default"));
        consent("access_as_user");
        refusedWith("consent_required", () -> password(apiUri + "/Orders.All"));
        refusedWith("scope_not_on_api", () -> password(apiUri + "/Orders.Delete"));
        refusedWith("invalid_resource", () -> password("api://" + UUID.randomUUID() + "/.default"));
    }

    @Test
    @DisplayName("issue 11: R14 the API of another directory is an unknown resource here")
    void otherDirectoriesApisAreUnknown() {
        var fabrikam = fixture.world
                .tenantService()
                .createDirectory(
                        "Fabrikam", "US", "fabrikam", dev.tenantry.directory.NewUser.of("F A", "admin", PASSWORD));
        refusedWith(
                "invalid_resource",
                () -> tokens.token(
                        new TokenRequest(
                                fabrikam.tenant().id().toString(),
                                "password",
                                new TokenRequest.Client(GrantFixture.CLI, null),
                                apiUri + "/access_as_user",
                                true,
                                TokenRequest.Parameters.password("admin@fabrikam.onmicrosoft.test", PASSWORD)),
                        BASE));
    }

    @Test
    @DisplayName("issue 11: a refresh token redeems for the API with the same consented scp")
    void refreshKeepsScp() throws Exception {
        consent("access_as_user");
        TokenResponse first = password(apiUri + "/access_as_user offline_access");

        TokenResponse refreshed = tokens.token(
                new TokenRequest(
                        "common",
                        "refresh_token",
                        web,
                        apiUri + "/access_as_user offline_access",
                        true,
                        TokenRequest.Parameters.refreshToken(first.refreshToken())),
                BASE);

        assertThat(claims(refreshed.accessToken()).getStringClaim("scp")).isEqualTo("access_as_user");
        assertThat(claims(refreshed.accessToken()).getAudience()).containsExactly(apiUri);
    }

    @Test
    @DisplayName("issue 11: client credentials for the API carry the API's app roles held by the client, as roles")
    void clientCredentialsCarryTheApisRoles() throws Exception {
        RegisteredApis registered = new DirectoryApis(
                apis,
                fixture.world.services().permissionGrants(),
                fixture.applications.appRoles(),
                fixture.lifetimes());
        RegisteredApis withRoles = new RegisteredApis() {
            @Override
            public Optional<TokenResource.AppApi> find(TenantId tenantId, String resource) {
                return registered.find(tenantId, resource);
            }

            @Override
            public List<String> consented(TenantId tenantId, UserId userId, UUID clientId, TokenResource.AppApi a) {
                return List.of();
            }

            @Override
            public Set<String> appRoles(TenantId tenantId, UUID clientSp, TokenResource.AppApi a) {
                return Set.of("Orders.Write", "Orders.Read");
            }
        };
        ClientCredentialsGrant grant = new ClientCredentialsGrant(
                fixture.tenants,
                fixture.clients,
                new Resources(new Audiences(null), ConsentedScopes.NONE, withRoles),
                fixture.keys,
                fixture.clock);

        JWTClaimsSet token = claims(grant.issue(
                        new TokenRequest(
                                fixture.tenantId().toString(),
                                "client_credentials",
                                web,
                                apiUri + "/.default",
                                false,
                                TokenRequest.Parameters.NONE),
                        BASE)
                .accessToken());

        assertThat(token.getAudience()).containsExactly(apiUri);
        assertThat(token.getStringListClaim("roles")).containsExactly("Orders.Read", "Orders.Write");
        assertThat(token.getStringClaim("idtyp")).isEqualTo("app");
    }

    @Test
    @DisplayName("issue 11: R14 a token for a registered API is refused on Graph and ARM routes, whatever it names")
    void apiTokensAreNotGraphOrArmTokens() {
        consent("access_as_user");
        tokenVersion(2);
        String v2 = password(apiUri + "/access_as_user").accessToken();
        tokenVersion(null);
        String v1 = password(apiUri + "/access_as_user").accessToken();

        for (String token : List.of(v1, v2)) {
            for (ProtectedResource resource : ProtectedResource.values()) {
                assertThatThrownBy(
                                () -> fixture.world.services().tokenVerifier().verify(token, resource))
                        .isInstanceOf(AuthenticationException.class)
                        .hasMessageContaining("audience");
            }
        }
    }
}
