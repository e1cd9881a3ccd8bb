package dev.tenantry.identity.grants;

import static dev.tenantry.identity.grants.GrantFixture.ADMIN;
import static dev.tenantry.identity.grants.GrantFixture.BASE;
import static dev.tenantry.identity.grants.GrantFixture.PASSWORD;
import static dev.tenantry.identity.grants.GrantFixture.claims;
import static dev.tenantry.identity.grants.GrantFixture.refusedWith;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.tenantry.directory.NewUser;
import dev.tenantry.directory.apps.Application;
import dev.tenantry.directory.apps.CreatedSecret;
import dev.tenantry.directory.apps.ExposedApiService;
import dev.tenantry.directory.apps.PermissionScope;
import dev.tenantry.identity.Audiences;
import dev.tenantry.identity.ConsentedScopes;
import dev.tenantry.identity.DirectoryApis;
import dev.tenantry.identity.ProtectedResource;
import dev.tenantry.identity.TokenRequest;
import dev.tenantry.identity.TokenResponse;
import dev.tenantry.identity.TokenService;
import dev.tenantry.shared.Caller;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("issue 11: the on-behalf-of grant")
class OnBehalfOfGrantTest {

    final GrantFixture fixture = new GrantFixture();
    final TokenService tokens = fixture.world.services().tokens();
    final ExposedApiService apis = fixture.world.services().exposedApis();
    final TokenRequest.Client client = fixture.daemon();
    final Api middle = api("Middle tier", "access_as_user");
    final Api orders = api("Orders", "Orders.Read");

    record Api(Application app, UUID spId, String uri, TokenRequest.Client credentials) {}

    Api api(String name, String scope) {
        Application app = fixture.applications.createApplication(fixture.admin(), fixture.tenantId(), name);
        CreatedSecret secret =
                fixture.applications.addPassword(fixture.admin(), fixture.tenantId(), app.id(), null, null);
        UUID sp = fixture.applications
                .createServicePrincipal(fixture.admin(), fixture.tenantId(), app.appId())
                .id();
        String uri = "api://" + app.appId();
        apis.change(
                fixture.admin(),
                fixture.tenantId(),
                app.id(),
                new ExposedApiService.Change(
                        List.of(uri),
                        List.of(new PermissionScope(UUID.randomUUID(), scope, "User", scope, scope, null, null, true)),
                        false,
                        null));
        return new Api(app, sp, uri, new TokenRequest.Client(app.appId().toString(), secret.secretText()));
    }

    void consent(String clientAppId, Api resource, String scope) {
        fixture.consent(clientAppId, resource.spId(), scope);
    }

    /** The user's token for the middle tier, as its client gets it. */
    String userToken() {
        consent(client.id(), middle, "access_as_user");
        return tokens.token(
                        new TokenRequest(
                                fixture.tenantId().toString(),
                                "password",
                                client,
                                middle.uri() + "/access_as_user",
                                false,
                                TokenRequest.Parameters.password(ADMIN, PASSWORD)),
                        BASE)
                .accessToken();
    }

    TokenRequest obo(String tenant, TokenRequest.Client caller, String assertion, String scope) {
        return new TokenRequest(
                tenant,
                OnBehalfOfGrant.GRANT_TYPE,
                caller,
                scope,
                true,
                TokenRequest.Parameters.onBehalfOf(assertion, "on_behalf_of"));
    }

    TokenResponse exchange(String assertion, String scope) {
        return tokens.token(obo(fixture.tenantId().toString(), middle.credentials(), assertion, scope), BASE);
    }

    @Test
    @DisplayName("issue 11: the middle tier gets a Graph token for the same user, with a refresh token for"
            + " offline_access, and Graph accepts it as the user")
    void exchangesForGraph() throws Exception {
        TokenResponse response =
                exchange(userToken(), "https://graph.microsoft.com/.default openid profile offline_access");

        JWTClaimsSet graph = claims(response.accessToken());
        assertThat(graph.getAudience()).containsExactly("https://graph.microsoft.com");
        assertThat(graph.getStringClaim("oid"))
                .isEqualTo(fixture.contoso.admin().id().toString());
        assertThat(graph.getStringClaim("upn")).isEqualTo(ADMIN);
        assertThat(graph.getStringClaim("scp")).isEqualTo("User.Read");
        assertThat(graph.getStringClaim("azp")).isEqualTo(middle.app().appId().toString());
        assertThat(response.refreshToken()).isNotNull();
        assertThat(fixture.world.services().tokenVerifier().verify(response.accessToken(), ProtectedResource.GRAPH))
                .isInstanceOfSatisfying(Caller.User.class, user -> assertThat(user.userId())
                        .isEqualTo(fixture.contoso.admin().id()));
    }

    @Test
    @DisplayName("issue 11: a downstream registered API gets the scopes consented to the middle tier, and only those")
    void exchangesForAnotherApi() throws Exception {
        String assertion = userToken();
        refusedWith("consent_required", () -> exchange(assertion, orders.uri() + "/Orders.Read"));

        consent(middle.app().appId().toString(), orders, "Orders.Read");
        JWTClaimsSet token =
                claims(exchange(assertion, orders.uri() + "/.default").accessToken());

        assertThat(token.getAudience()).containsExactly(orders.uri());
        assertThat(token.getStringClaim("scp")).isEqualTo("Orders.Read");
        assertThat(token.getStringClaim("appid")).isEqualTo(middle.app().appId().toString());
    }

    @Test
    @DisplayName("issue 11: refused for an app-only assertion, another audience, another client, a public client, a"
            + " forged signature, a wrong requested_token_use")
    void refusals() {
        String assertion = userToken();
        String graphToken = tokens.token(
                        new TokenRequest(
                                fixture.tenantId().toString(),
                                "password",
                                client,
                                "https://graph.microsoft.com/.default",
                                false,
                                TokenRequest.Parameters.password(ADMIN, PASSWORD)),
                        BASE)
                .accessToken();
        String appOnly = tokens.token(
                        new TokenRequest(
                                fixture.tenantId().toString(),
                                "client_credentials",
                                client,
                                middle.uri() + "/.default",
                                false,
                                TokenRequest.Parameters.NONE),
                        BASE)
                .accessToken();
        String graph = "https://graph.microsoft.com/.default";
        String tenant = fixture.tenantId().toString();

        refusedWith("assertion_app_only", () -> exchange(appOnly, graph));
        refusedWith("assertion_audience", () -> exchange(graphToken, graph));
        refusedWith(
                "assertion_audience", () -> tokens.token(obo(tenant, orders.credentials(), assertion, graph), BASE));
        refusedWith(
                "confidential_client_required",
                () -> tokens.token(
                        obo(tenant, new TokenRequest.Client(middle.credentials().id(), null), assertion, graph), BASE));
        refusedWith(
                "invalid_client_secret",
                () -> tokens.token(
                        obo(tenant, new TokenRequest.Client(middle.credentials().id(), "wrong"), assertion, graph),
                        BASE));
        refusedWith("assertion_malformed", () -> exchange("not-a-jwt", graph));
        String signed = assertion.substring(0, assertion.lastIndexOf('.') + 1);
        refusedWith("assertion_invalid", () -> exchange(signed + "AAAA", graph));
        refusedWith(
                "invalid_requested_token_use",
                () -> tokens.token(
                        new TokenRequest(
                                tenant,
                                OnBehalfOfGrant.GRANT_TYPE,
                                middle.credentials(),
                                graph,
                                false,
                                TokenRequest.Parameters.onBehalfOf(assertion, "something_else")),
                        BASE));
    }

    @Test
    @DisplayName("issue 11: R14 an assertion of one directory is refused at another directory's endpoint")
    void otherDirectoryRefused() {
        var fabrikam = fixture.world
                .tenantService()
                .createDirectory("Fabrikam", "US", "fabrikam", NewUser.of("F A", "admin", PASSWORD));
        String assertion = userToken();
        refusedWith(
                "assertion_invalid",
                () -> tokens.token(
                        obo(fabrikam.tenant().id().toString(), middle.credentials(), assertion, "User.Read"), BASE));
    }

    @Test
    @DisplayName("issue 11: an expired assertion is AADSTS500133")
    void expiredAssertion() {
        String assertion = userToken();
        Clock later = Clock.offset(fixture.clock, Duration.ofHours(2));
        OnBehalfOfGrant grant = new OnBehalfOfGrant(
                fixture.tenants,
                fixture.clients,
                new Resources(new Audiences(null), ConsentedScopes.NONE),
                new DirectoryApis(
                        apis,
                        fixture.world.services().permissionGrants(),
                        fixture.applications.appRoles(),
                        fixture.lifetimes()),
                fixture.keys,
                fixture.world.userService(),
                fixture.refreshTokens,
                fixture.userTokens,
                later);

        refusedWith(
                "assertion_expired",
                () -> grant.issue(
                        obo(fixture.tenantId().toString(), middle.credentials(), assertion, "User.Read"), BASE));
    }
}
