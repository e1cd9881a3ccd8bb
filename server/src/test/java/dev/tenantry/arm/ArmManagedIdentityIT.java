package dev.tenantry.arm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tenantry.testing.RunningServer;
import dev.tenantry.testing.Tokens;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Issue 11 over HTTPS: user-assigned identities and compute hosts in ARM, their service principals in Graph. */
class ArmManagedIdentityIT {

    @RegisterExtension
    static final RunningServer server = new RunningServer();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "Tenantry!2026";
    private static final String API = "?api-version=2023-01-31";

    static String subscriptionId;
    static String ownerToken;
    static String graphToken;

    @BeforeAll
    static void signUp() throws Exception {
        JsonNode body = JSON.readTree(
                server.postJson("/api/signups", """
                        {"organization":"Northwind","domainPrefix":"northwind","countryCode":"NL",
                         "admin":{"displayName":"Pat Owner","userName":"admin","password":"%s"},
                         "product":"MS-AZR-0003P"}
                        """.formatted(PASSWORD)).body());
        subscriptionId = body.at("/subscription/subscriptionId").asText();
        ownerToken = Tokens.password(server, "admin@northwind.onmicrosoft.test", PASSWORD, Tokens.MANAGEMENT);
        graphToken = Tokens.password(server, "admin@northwind.onmicrosoft.test", PASSWORD, Tokens.GRAPH);
        assertThat(put("/subscriptions/" + subscriptionId + "/resourcegroups/rg-app", "{\"location\":\"westeurope\"}")
                        .statusCode())
                .isEqualTo(201);
    }

    static String identityPath(String name) {
        return "/subscriptions/" + subscriptionId
                + "/resourceGroups/rg-app/providers/Microsoft.ManagedIdentity/userAssignedIdentities/" + name;
    }

    static String hostPath(String name) {
        return "/subscriptions/" + subscriptionId + "/resourceGroups/rg-app/providers/Tenantry.Compute/hosts/" + name;
    }

    static HttpResponse<String> put(String path, String json) {
        return server.send(server.request(path + (path.contains("?") ? "" : API))
                .header("Authorization", "Bearer " + ownerToken)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    static HttpResponse<String> delete(String path) {
        return server.send(server.request(path + API)
                .header("Authorization", "Bearer " + ownerToken)
                .DELETE()
                .build());
    }

    @Test
    void userAssignedIdentityRoundTripsInArmShapeAndIsAManagedIdentityInGraph() throws Exception {
        HttpResponse<String> created =
                put(identityPath("id-web"), "{\"location\":\"West Europe\",\"tags\":{\"a\":\"b\"}}");
        JsonNode identity = JSON.readTree(created.body());
        HttpResponse<String> read = server.get(identityPath("ID-WEB") + API, ownerToken);
        HttpResponse<String> listed = server.get(
                "/subscriptions/" + subscriptionId + "/resourcegroups/rg-app/providers/"
                        + "Microsoft.ManagedIdentity/userAssignedIdentities" + API,
                ownerToken);
        HttpResponse<String> inSubscription = server.get(
                "/subscriptions/" + subscriptionId + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities"
                        + API,
                ownerToken);
        String principalId = identity.at("/properties/principalId").asText();
        JsonNode sp = JSON.readTree(
                server.get("/v1.0/servicePrincipals/" + principalId, graphToken).body());

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(identity.get("type").asText()).isEqualTo("Microsoft.ManagedIdentity/userAssignedIdentities");
        assertThat(identity.get("id").asText())
                .endsWith("/resourcegroups/rg-app/providers/"
                        + "Microsoft.ManagedIdentity/userAssignedIdentities/id-web");
        assertThat(identity.get("location").asText()).isEqualTo("westeurope");
        assertThat(identity.at("/properties/clientId").asText()).isNotBlank();
        assertThat(identity.at("/properties/tenantId").asText()).isNotBlank();
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(listed.body()).contains("\"name\":\"id-web\"");
        assertThat(inSubscription.body()).contains("\"name\":\"id-web\"");
        assertThat(sp.get("servicePrincipalType").asText()).isEqualTo("ManagedIdentity");
        assertThat(sp.get("appId").asText())
                .isEqualTo(identity.at("/properties/clientId").asText());
        assertThat(sp.get("alternativeNames").get(0).asText()).isEqualTo("isExplicit=True");
        assertThat(server.get(identityPath("id-web") + API + "&$top=1", ownerToken)
                        .statusCode())
                .isEqualTo(400);

        assertThat(delete(identityPath("id-web")).statusCode()).isEqualTo(200);
        assertThat(delete(identityPath("id-web")).statusCode()).isEqualTo(204);
        assertThat(server.get(identityPath("id-web") + API, ownerToken).body()).contains("ResourceNotFound");
        assertThat(server.get("/v1.0/servicePrincipals/" + principalId, graphToken)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void hostCarriesItsSystemAssignedAndUserAssignedIdentities() throws Exception {
        JsonNode user = JSON.readTree(
                put(identityPath("id-host"), "{\"location\":\"westeurope\"}").body());
        HttpResponse<String> created =
                put(hostPath("web-1"), """
                {"location":"westeurope","identity":{"type":"SystemAssigned, UserAssigned",
                 "userAssignedIdentities":{"%s":{}}}}
                """.formatted(user.get("id").asText()));
        JsonNode host = JSON.readTree(created.body());
        HttpResponse<String> badType =
                put(hostPath("web-2"), "{\"location\":\"westeurope\",\"identity\":{\"type\":\"Magic\"}}");
        HttpResponse<String> unknown = put(hostPath("web-3"), """
                {"location":"westeurope","identity":{"type":"UserAssigned",
                 "userAssignedIdentities":{"%s":{}}}}
                """.formatted(identityPath("nope")));

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(host.at("/identity/type").asText()).isEqualTo("SystemAssigned, UserAssigned");
        assertThat(host.at("/identity/principalId").asText()).isNotBlank();
        assertThat(host.at("/identity/userAssignedIdentities")
                        .get(user.get("id").asText())
                        .get("clientId")
                        .asText())
                .isEqualTo(user.at("/properties/clientId").asText());
        assertThat(badType.statusCode()).isEqualTo(400);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("FailedIdentityOperation");
        JsonNode sp = JSON.readTree(server.get(
                        "/v1.0/servicePrincipals/"
                                + host.at("/identity/principalId").asText(),
                        graphToken)
                .body());
        assertThat(sp.get("alternativeNames").get(0).asText()).isEqualTo("isExplicit=False");
        assertThat(sp.get("displayName").asText()).isEqualTo("web-1");
    }
}
