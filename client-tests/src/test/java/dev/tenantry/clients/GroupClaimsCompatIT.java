package dev.tenantry.clients;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.RefreshTokenParameters;
import java.io.IOException;
import java.net.MalformedURLException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 9: MSAL4J receives ID tokens with an app registration's group claims, both the {@code groups} list and
 * Entra's overage form ({@code _claim_names}/{@code _claim_sources}, nested objects in the JWT), and still builds its
 * account from them. MSAL4J has no username/password flow for confidential clients, so the first refresh token comes
 * from the password grant over plain HTTPS and MSAL redeems it ({@code RefreshTokenParameters}).
 */
class GroupClaimsCompatIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GLOBAL_ADMINISTRATOR = "62e90394-69f5-4237-9190-012177145e10";
    private static final int OVERAGE = 201;

    private static TenantryProcess server;
    private static ServerApi api;
    private static TestDirectory directory;
    private static String admin;

    @BeforeAll
    static void signUp() {
        server = TenantryProcess.get();
        api = new ServerApi(server);
        directory = TestDirectory.signUp(api, "groups");
        admin = api.passwordToken(directory.tenantId(), directory.adminUpn(), TestDirectory.PASSWORD, Clients.GRAPH);
    }

    @Test
    @DisplayName("issue 9: MSAL4J gets an ID token whose groups claim lists the user's groups and roles (All)")
    void idTokenCarriesGroups() throws Exception {
        AppRegistration app = registerWith("compat-groups-all", "All");
        String roleId = idOfItem("/v1.0/directoryRoles", "roleTemplateId", GLOBAL_ADMINISTRATOR);

        IAuthenticationResult result = msalToken(app, directory.adminUpn());

        assertThat(result.account()).isNotNull();
        assertThat(result.account().username()).isEqualTo(directory.adminUpn());
        assertThat(payload(result.idToken()).get("groups"))
                .extracting(JsonNode::asText)
                .contains(roleId);
    }

    @Test
    @DisplayName("issue 9: MSAL4J accepts the overage form past 200 groups and builds its account from the ID token")
    void idTokenCarriesTheOverageForm() throws Exception {
        String upn = "crowded@" + directory.domain();
        String userId = api.postJson("/v1.0/users", """
                        {"accountEnabled":true,"displayName":"Crowded","mailNickname":"crowded",
                         "userPrincipalName":"%s",
                         "passwordProfile":{"forceChangePasswordNextSignIn":false,"password":"%s"}}""".formatted(upn, TestDirectory.PASSWORD), admin)
                .requireStatus(201)
                .body()
                .get("id")
                .asText();
        // one group holds the user and 200 more hold that group: 201 groups through nesting, 201 requests
        String crowd = createGroup("Crowd", userId);
        for (int i = 1; i < OVERAGE; i++) {
            createGroup("Crowd " + i, crowd);
        }
        AppRegistration app = registerWith("compat-groups-overage", "SecurityGroup");

        IAuthenticationResult result = msalToken(app, upn);

        JsonNode claims = payload(result.idToken());
        assertThat(result.account()).isNotNull();
        assertThat(result.account().username()).isEqualTo(upn);
        assertThat(claims.has("groups")).isFalse();
        assertThat(claims.at("/_claim_names/groups").asText()).isEqualTo("src1");
        assertThat(claims.at("/_claim_sources/src1/endpoint").asText())
                .isEqualTo(server.baseUrl() + "/v1.0/users/" + userId + "/getMemberObjects");
    }

    /** A security group holding {@code memberId}, through Graph; skips the test when the server has no group routes. */
    private static String createGroup(String name, String memberId) {
        String nickname = name.replace(" ", "").toLowerCase(java.util.Locale.ROOT);
        ServerApi.Reply created = api.postJson("/v1.0/groups", """
                        {"displayName":"%s","mailEnabled":false,"mailNickname":"%s","securityEnabled":true,
                         "members@odata.bind":["https://graph.microsoft.com/v1.0/directoryObjects/%s"]}""".formatted(name, nickname, memberId), admin);
        Assumptions.assumeFalse(
                created.status() == 404 || created.status() == 405,
                "skipped: the server has no Graph group routes (POST /v1.0/groups answers " + created.status() + ")");
        return created.requireStatus(201).body().get("id").asText();
    }

    /** An app registration whose {@code groupMembershipClaims} is set through Graph's PATCH. */
    private static AppRegistration registerWith(String name, String groupMembershipClaims) {
        AppRegistration app = AppRegistration.tryCreate(api, directory, name).orElseThrow();
        String objectId = idOfItem("/v1.0/applications", "appId", app.appId());
        api.patchJson(
                        "/v1.0/applications/" + objectId,
                        "{\"groupMembershipClaims\":\"" + groupMembershipClaims + "\"}",
                        admin)
                .requireStatus(204);
        return app;
    }

    /** The {@code id} of the item of the Graph collection at {@code path} whose {@code property} is {@code value}. */
    private static String idOfItem(String path, String property, String value) {
        JsonNode items = api.get(path, admin).requireStatus(200).body().get("value");
        return StreamSupport.stream(items.spliterator(), false)
                .filter(item -> item.get(property).asText().equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no item with " + property + " " + value + " in " + path))
                .get("id")
                .asText();
    }

    /** The password grant for the app over HTTPS, then MSAL4J redeeming its refresh token for the user's tokens. */
    private static IAuthenticationResult msalToken(AppRegistration app, String upn) throws MalformedURLException {
        String refreshToken = api.postForm(
                        "/" + directory.tenantId() + "/oauth2/v2.0/token",
                        Map.of(
                                "grant_type",
                                "password",
                                "client_id",
                                app.appId(),
                                "client_secret",
                                app.secret(),
                                "username",
                                upn,
                                "password",
                                TestDirectory.PASSWORD,
                                "scope",
                                Clients.GRAPH + " openid profile offline_access"))
                .requireStatus(200)
                .body()
                .get("refresh_token")
                .asText();
        // oidcAuthority works on any port (compat P1), so this check runs whether or not 443 could be bound
        ConfidentialClientApplication cca = ConfidentialClientApplication.builder(
                        app.appId(), ClientCredentialFactory.createFromSecret(app.secret()))
                .oidcAuthority(server.baseUrl() + "/" + directory.tenantId() + "/v2.0")
                .instanceDiscovery(false)
                .build();
        return cca.acquireToken(RefreshTokenParameters.builder(Set.of(Clients.GRAPH), refreshToken)
                        .build())
                .join();
    }

    private static JsonNode payload(String jwt) throws IOException {
        String payload = jwt.split("\\.")[1];
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }
}
