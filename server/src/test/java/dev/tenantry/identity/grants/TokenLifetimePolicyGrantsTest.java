package dev.tenantry.identity.grants;

import static dev.tenantry.identity.grants.GrantFixture.ADMIN;
import static dev.tenantry.identity.grants.GrantFixture.BASE;
import static dev.tenantry.identity.grants.GrantFixture.CLI;
import static dev.tenantry.identity.grants.GrantFixture.PASSWORD;
import static dev.tenantry.identity.grants.GrantFixture.claims;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.tenantry.directory.apps.Application;
import dev.tenantry.directory.apps.CreatedSecret;
import dev.tenantry.directory.apps.ExposedApiService;
import dev.tenantry.directory.apps.PermissionScope;
import dev.tenantry.directory.apps.RedirectUris;
import dev.tenantry.directory.apps.TokenLifetimePolicyService;
import dev.tenantry.identity.AuthorizationService;
import dev.tenantry.identity.AuthorizeRequest;
import dev.tenantry.identity.DeviceCodeService;
import dev.tenantry.identity.TokenRequest;
import dev.tenantry.identity.TokenResponse;
import dev.tenantry.identity.TokenService;
import dev.tenantry.shared.Caller;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 11: token lifetime policies as Entra applies them to every grant — an access token for a registered API lasts
 * as the API's policy (else the organization default) says, an ID token as its client's; Graph's and ARM's tokens and a
 * first-party client's ID tokens keep the built-in hour; {@code expires_in} follows the access token.
 */
class TokenLifetimePolicyGrantsTest {

    static final String WEB = "https://app.example/cb";
    static final String GRAPH = "https://graph.microsoft.com/.default";

    final GrantFixture fixture = new GrantFixture();
    final TokenService tokens = fixture.world.services().tokens();
    final TokenLifetimePolicyService policies = fixture.world.services().tokenLifetimePolicies();
    final Api orders = api("Orders API", "access_as_user");
    final Application web = fixture.applications.createApplication(fixture.admin(), fixture.tenantId(), "Web");
    final TokenRequest.Client webClient = clientOf(web);

    record Api(Application app, UUID spId, String uri) {}

    TokenLifetimePolicyGrantsTest() {
        fixture.applications.createServicePrincipal(fixture.admin(), fixture.tenantId(), web.appId());
        fixture.world
                .services()
                .redirectUris()
                .setRedirectUris(
                        fixture.admin(), fixture.tenantId(), web.id(), Map.of(RedirectUris.Platform.WEB, List.of(WEB)));
        consent(webClient, orders, "access_as_user");
        assign(orders.app(), policy("02:00:00", false));
        assign(web, policy("00:30:00", false));
    }

    Api api(String name, String scope) {
        Application app = fixture.applications.createApplication(fixture.admin(), fixture.tenantId(), name);
        UUID sp = fixture.applications
                .createServicePrincipal(fixture.admin(), fixture.tenantId(), app.appId())
                .id();
        String uri = "api://" + app.appId();
        fixture.world
                .services()
                .exposedApis()
                .change(
                        fixture.admin(),
                        fixture.tenantId(),
                        app.id(),
                        new ExposedApiService.Change(
                                List.of(uri),
                                List.of(new PermissionScope(
                                        UUID.randomUUID(),
                                        scope,
                                        PermissionScope.USER,
                                        scope,
                                        scope,
                                        null,
                                        null,
                                        true)),
                                false,
                                null));
        return new Api(app, sp, uri);
    }

    TokenRequest.Client clientOf(Application app) {
        CreatedSecret secret =
                fixture.applications.addPassword(fixture.admin(), fixture.tenantId(), app.id(), null, null);
        return new TokenRequest.Client(app.appId().toString(), secret.secretText());
    }

    void consent(TokenRequest.Client client, Api resource, String scope) {
        fixture.consent(client.id(), resource.spId(), scope);
    }

    UUID policy(String lifetime, boolean organizationDefault) {
        String definition = "{\"TokenLifetimePolicy\":{\"Version\":1,\"AccessTokenLifetime\":\"" + lifetime + "\"}}";
        return policies.create(
                        fixture.admin(),
                        fixture.tenantId(),
                        new TokenLifetimePolicyService.Draft(
                                "Lifetime " + lifetime,
                                organizationDefault,
                                definition,
                                Map.of("TokenLifetimePolicy", Map.of("Version", 1, "AccessTokenLifetime", lifetime))))
                .id();
    }

    void assign(Application app, UUID policyId) {
        policies.assign(fixture.admin(), fixture.tenantId(), app.id(), policyId);
    }

    TokenResponse password(TokenRequest.Client client, String scope) {
        return tokens.token(
                new TokenRequest(
                        fixture.tenantId().toString(),
                        "password",
                        client,
                        scope,
                        true,
                        TokenRequest.Parameters.password(ADMIN, PASSWORD)),
                BASE);
    }

    TokenResponse refresh(TokenRequest.Client client, String refreshToken) {
        return tokens.token(
                new TokenRequest(
                        fixture.tenantId().toString(),
                        "refresh_token",
                        client,
                        null,
                        true,
                        TokenRequest.Parameters.refreshToken(refreshToken)),
                BASE);
    }

    static Duration lifetime(String jwt) throws ParseException {
        JWTClaimsSet claims = claims(jwt);
        return Duration.between(
                claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant());
    }

    /** The access token lasts {@code access} (and {@code expires_in} says so), the ID token {@code id}. */
    static void lasts(TokenResponse response, Duration access, Duration id) throws ParseException {
        assertThat(lifetime(response.accessToken())).isEqualTo(access);
        assertThat(response.expiresIn()).isEqualTo(access.toSeconds() - 1);
        assertThat(lifetime(response.idToken())).isEqualTo(id);
    }

    @Test
    @DisplayName("issue 11: password and refresh — the API's policy sets the access token, the client's the ID token")
    void passwordAndRefreshFollowPolicies() throws Exception {
        TokenResponse signedIn = password(webClient, orders.uri() + "/access_as_user openid offline_access");
        lasts(signedIn, Duration.ofHours(2), Duration.ofMinutes(30));

        lasts(refresh(webClient, signedIn.refreshToken()), Duration.ofHours(2), Duration.ofMinutes(30));
    }

    @Test
    @DisplayName("issue 11: Graph tokens keep the built-in hour whatever the organization default; a first-party"
            + " client's ID token too; the organization default governs an API and a client without their own")
    void organizationDefaultAndFirstParty() throws Exception {
        policy("04:00:00", true);
        Api billing = api("Billing API", "access_as_user");
        Application other = fixture.applications.createApplication(fixture.admin(), fixture.tenantId(), "Other");
        fixture.applications.createServicePrincipal(fixture.admin(), fixture.tenantId(), other.appId());
        TokenRequest.Client otherClient = clientOf(other);
        consent(otherClient, billing, "access_as_user");

        lasts(password(webClient, GRAPH + " openid"), Duration.ofHours(1), Duration.ofMinutes(30));
        lasts(
                password(new TokenRequest.Client(CLI, null), GRAPH + " openid"),
                Duration.ofHours(1),
                Duration.ofHours(1));
        lasts(
                password(otherClient, billing.uri() + "/access_as_user openid"),
                Duration.ofHours(4),
                Duration.ofHours(4));
    }

    @Test
    @DisplayName("issue 11: authorization code and hybrid — the API token and the ID tokens follow the policies")
    void authorizationCodeAndHybrid() throws Exception {
        AuthorizationService authorization = fixture.world.services().authorization();
        AuthorizeRequest request = fixture.authorizeRequest(
                web.appId(), WEB, "code id_token", "openid offline_access " + orders.uri() + "/access_as_user");
        String code = fixture.adminCode(request, "sid-1");
        Caller.User admin = (Caller.User) fixture.admin();

        assertThat(lifetime(authorization.hybridIdToken(
                        authorization.client(request), request, admin, code, BASE, "sid-1")))
                .isEqualTo(Duration.ofMinutes(30));
        TokenResponse redeemed = tokens.token(
                new TokenRequest(
                        fixture.tenantId().toString(),
                        "authorization_code",
                        webClient,
                        null,
                        true,
                        TokenRequest.Parameters.authorizationCode(code, WEB, null)),
                BASE);
        lasts(redeemed, Duration.ofHours(2), Duration.ofMinutes(30));
    }

    @Test
    @DisplayName("issue 11: device code — the API's policy sets the access token, the client's the ID token")
    void deviceCode() throws Exception {
        DeviceCodeService deviceCodes = fixture.world.services().deviceCodes();
        String scope = orders.uri() + "/access_as_user openid";
        DeviceCodeService.DeviceAuthorization started =
                deviceCodes.start(fixture.tenantId().toString(), webClient.id(), scope, BASE);
        deviceCodes.decide((Caller.User) fixture.admin(), started.userCode(), true);

        TokenResponse response = tokens.token(
                new TokenRequest(
                        fixture.tenantId().toString(),
                        "device_code",
                        webClient,
                        scope,
                        true,
                        TokenRequest.Parameters.deviceCode(started.deviceCode())),
                BASE);
        lasts(response, Duration.ofHours(2), Duration.ofMinutes(30));
    }

    @Test
    @DisplayName("issue 11: on-behalf-of — the downstream API's policy sets the token the middle tier gets")
    void onBehalfOf() throws Exception {
        Api middle = api("Middle tier", "access_as_user");
        TokenRequest.Client middleClient = clientOf(middle.app());
        consent(webClient, middle, "access_as_user");
        consent(middleClient, orders, "access_as_user");
        String assertion = password(webClient, middle.uri() + "/access_as_user").accessToken();
        assertThat(lifetime(assertion)).isEqualTo(Duration.ofHours(1));

        TokenResponse response = tokens.token(
                new TokenRequest(
                        fixture.tenantId().toString(),
                        OnBehalfOfGrant.GRANT_TYPE,
                        middleClient,
                        orders.uri() + "/access_as_user",
                        false,
                        TokenRequest.Parameters.onBehalfOf(assertion, "on_behalf_of")),
                BASE);
        assertThat(lifetime(response.accessToken())).isEqualTo(Duration.ofHours(2));
        assertThat(response.expiresIn()).isEqualTo(7199);
    }
}
