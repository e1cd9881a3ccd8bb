package dev.tenantry.graph;

import static dev.tenantry.graph.GraphFixture.encode;
import static dev.tenantry.graph.GraphFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tenantry.directory.CreatedDirectory;
import dev.tenantry.testing.RunningServer;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Issue 11: a token lifetime policy sets the lifetime of access tokens for a registered API, over HTTPS. */
class TokenLifetimePoliciesIT {

    @RegisterExtension
    static final RunningServer server = new RunningServer();

    static final String POLICIES = "/v1.0/policies/tokenLifetimePolicies";

    private static GraphFixture graph;
    private static CreatedDirectory contoso;
    private static String adminToken;

    @BeforeAll
    static void directory() {
        graph = new GraphFixture(server);
        contoso = graph.directory("lifetimes");
        adminToken = graph.token(contoso.admin());
    }

    static GraphFixture.App api(String name) {
        GraphFixture.App app = graph.registerApp(adminToken, name);
        HttpResponse<String> patched = graph.patch(
                "/v1.0/applications/" + app.objectId(),
                "{\"identifierUris\":[\"api://" + app.appId() + "\"]}",
                adminToken);
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(204);
        return app;
    }

    static String policy(String lifetime, boolean isDefault) {
        HttpResponse<String> created = graph.post(
                POLICIES,
                "{\"definition\":[\"{\\\"TokenLifetimePolicy\\\":{\\\"Version\\\":1,\\\"AccessTokenLifetime\\\":\\\""
                        + lifetime + "\\\"}}\"],\"displayName\":\"" + lifetime + "\",\"isOrganizationDefault\":"
                        + isDefault + "}",
                adminToken);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).get("id").asText();
    }

    static long lifetimeOf(GraphFixture.App client, String scope) throws Exception {
        HttpResponse<String> token = server.postForm(
                "/" + contoso.tenant().id() + "/oauth2/v2.0/token",
                "grant_type=client_credentials&client_id=" + client.appId() + "&client_secret="
                        + encode(client.secret()) + "&scope=" + encode(scope));
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        JWTClaimsSet claims =
                SignedJWT.parse(json(token).get("access_token").asText()).getJWTClaimsSet();
        long lifetime = java.time.Duration.between(
                        claims.getIssueTime().toInstant(),
                        claims.getExpirationTime().toInstant())
                .toSeconds();
        assertThat(json(token).get("expires_in").asLong()).isEqualTo(lifetime - 1);
        return lifetime;
    }

    @Test
    @DisplayName("issue 11: an API's assigned policy, else the organization default, sets its access tokens' lifetime;"
            + " Graph tokens keep the built-in hour")
    void policiesSetApiTokenLifetimes() throws Exception {
        GraphFixture.App orders = api("Orders API");
        GraphFixture.App billing = api("Billing API");
        GraphFixture.App daemon = graph.registerApp(adminToken, "Daemon");
        String twoHours = policy("02:00:00", false);
        HttpResponse<String> assigned = graph.post(
                "/v1.0/applications/" + orders.objectId() + "/tokenLifetimePolicies/$ref",
                "{\"@odata.id\":\"https://graph.microsoft.com/v1.0/policies/tokenLifetimePolicies/" + twoHours + "\"}",
                adminToken);
        assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(204);

        assertThat(lifetimeOf(daemon, "api://" + orders.appId() + "/.default")).isEqualTo(7200);
        assertThat(lifetimeOf(daemon, "api://" + billing.appId() + "/.default")).isEqualTo(3600);

        policy("03:00:00", true);
        assertThat(lifetimeOf(daemon, "api://" + billing.appId() + "/.default")).isEqualTo(10800);
        assertThat(lifetimeOf(daemon, "api://" + orders.appId() + "/.default")).isEqualTo(7200);
        assertThat(lifetimeOf(daemon, GraphFixture.GRAPH_SCOPE)).isEqualTo(3600);
    }
}
