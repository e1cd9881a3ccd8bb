package dev.tenantry.entra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.SignedJWT;
import dev.tenantry.directory.CreatedDirectory;
import dev.tenantry.directory.NewUser;
import dev.tenantry.identity.AccessTokenVerifier;
import dev.tenantry.identity.Audiences;
import dev.tenantry.identity.ProtectedResource;
import dev.tenantry.shared.AuthenticationException;
import dev.tenantry.shared.Caller;
import dev.tenantry.testing.RunningServer;
import dev.tenantry.web.Gate;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OidcDiscoveryIT {

    @RegisterExtension
    static final RunningServer server = new RunningServer();

    static final ObjectMapper JSON = new ObjectMapper();
    static CreatedDirectory contoso;

    @BeforeAll
    static void directory() {
        contoso = server.app()
                .services()
                .tenants()
                .createDirectory("Contoso", "US", "contoso", NewUser.of("Kelley Wall", "admin", "Passw0rd!x"));
    }

    static String tid() {
        return contoso.tenant().id().toString();
    }

    static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    @Test
    void discoveryByIdAndByDomainNamesTheTenantIssuer() throws Exception {
        JsonNode byId = json(server.get("/" + tid() + "/v2.0/.well-known/openid-configuration"));
        HttpResponse<String> byDomain = server.get("/Contoso.onmicrosoft.test/v2.0/.well-known/openid-configuration");

        assertThat(byDomain.statusCode()).isEqualTo(200);
        assertThat(byId.get("issuer").asText()).isEqualTo(server.baseUrl() + "/" + tid() + "/v2.0");
        assertThat(json(byDomain).get("issuer").asText())
                .isEqualTo(byId.get("issuer").asText());
        assertThat(byId.get("token_endpoint").asText())
                .isEqualTo(server.baseUrl() + "/" + tid() + "/oauth2/v2.0/token");
        for (String field : new String[] {
            "authorization_endpoint",
            "device_authorization_endpoint",
            "jwks_uri",
            "end_session_endpoint",
            "msgraph_host"
        }) {
            assertThat(byId.has(field)).as(field).isTrue();
        }
    }

    @Test
    void commonDiscoveryHasTheTenantPlaceholder() throws Exception {
        JsonNode common = json(server.get("/common/v2.0/.well-known/openid-configuration"));

        assertThat(common.get("issuer").asText()).isEqualTo(server.baseUrl() + "/{tenantid}/v2.0");
        assertThat(common.get("token_endpoint").asText()).isEqualTo(server.baseUrl() + "/common/oauth2/v2.0/token");
    }

    @Test
    void unknownTenantDiscoveryIsInvalidTenant() throws Exception {
        HttpResponse<String> response = server.get("/nowhere.example/v2.0/.well-known/openid-configuration");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error_codes").get(0).asInt()).isEqualTo(90002);
    }

    @Test
    void jwksPublishesTheKidOfIssuedTokens() throws Exception {
        String token = userToken();

        JsonNode keys = json(server.get("/" + tid() + "/discovery/v2.0/keys")).get("keys");

        String kid = SignedJWT.parse(token).getHeader().getKeyID();
        assertThat(keys).anySatisfy(key -> {
            assertThat(key.get("kid").asText()).isEqualTo(kid);
            assertThat(key.get("kty").asText()).isEqualTo("RSA");
            assertThat(key.has("d")).isFalse();
        });
    }

    @Test
    void userRealmIsManagedForKnownDomainsAndUnknownOtherwise() throws Exception {
        JsonNode known = json(server.get("/common/userrealm/admin@contoso.onmicrosoft.test?api-version=1.0"));
        JsonNode unknown = json(server.get("/common/userrealm/someone@elsewhere.example?api-version=2.0"));

        assertThat(known.get("account_type").asText()).isEqualTo("Managed");
        assertThat(known.get("domain_name").asText()).isEqualTo("contoso.onmicrosoft.test");
        assertThat(unknown.get("account_type").asText()).isEqualTo("Unknown");
    }

    @Test
    void verifierAcceptsGraphTokensOnTheGraphGateOnly() throws Exception {
        OidcBearerVerifier verifier =
                new OidcBearerVerifier(server.app().services().tokenVerifier());
        String token = userToken();

        Caller caller = verifier.verify(token, Gate.GRAPH);

        assertThat(caller).isInstanceOf(Caller.User.class);
        assertThat(((Caller.User) caller).userId()).isEqualTo(contoso.admin().id());
        assertThatThrownBy(() -> verifier.verify(token, Gate.MANAGEMENT))
                .isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("audience 'https://graph.microsoft.com' is not accepted")
                .hasMessageContaining("https://management.core.windows.net/");
    }

    @Test
    void verifierRejectsExpiredAndTamperedTokens() {
        String token = userToken();
        AccessTokenVerifier later = new AccessTokenVerifier(
                server.app().services().signingKeys(),
                new Audiences(null),
                Clock.offset(Clock.systemUTC(), Duration.ofHours(2)));
        int payloadEnd = token.lastIndexOf('.');
        String tampered = token.substring(0, payloadEnd - 2)
                + (token.charAt(payloadEnd - 2) == 'A' ? "BB" : "AA")
                + token.substring(payloadEnd);
        AccessTokenVerifier now = server.app().services().tokenVerifier();
        ProtectedResource graph = ProtectedResource.GRAPH;

        assertThatThrownBy(() -> later.verify(token, graph)).hasMessageContaining("expired");
        assertThatThrownBy(() -> now.verify(tampered, graph)).isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> now.verify("not-a-token", graph)).hasMessageContaining("not a well-formed JWT");
    }

    static String userToken() {
        HttpResponse<String> response = server.postForm(
                "/" + tid() + "/oauth2/v2.0/token",
                "client_id=04b07795-8ddb-461a-bbee-02f9e1bf7b46&grant_type=password&username=admin%40contoso.onmicrosoft.test"
                        + "&password=Passw0rd%21x&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default");
        try {
            return JSON.readTree(response.body()).get("access_token").asText();
        } catch (Exception e) {
            throw new IllegalStateException(response.body(), e);
        }
    }
}
