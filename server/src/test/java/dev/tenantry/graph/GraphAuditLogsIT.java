package dev.tenantry.graph;

import static dev.tenantry.graph.GraphFixture.encode;
import static dev.tenantry.graph.GraphFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenantry.directory.CreatedDirectory;
import dev.tenantry.directory.GraphPermission;
import dev.tenantry.directory.User;
import dev.tenantry.testing.RunningServer;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Issue 9: every change to groups, licences and seats is in Graph's auditLogs/directoryAudits. */
class GraphAuditLogsIT {

    @RegisterExtension
    static final RunningServer server = new RunningServer();

    private static GraphFixture graph;
    private static CreatedDirectory contoso;
    private static String adminToken;
    private static User adele;

    @BeforeAll
    static void directory() {
        graph = new GraphFixture(server);
        contoso = graph.directory("audits");
        adminToken = graph.token(contoso.admin());
        adele = graph.user(contoso, "Adele Vance", "adele");
    }

    @Test
    @DisplayName("issue 9: group changes are audited newest first, with who did it and on what; failed ones are not")
    void groupChangesAreAudited() {
        String group = json(graph.post(
                        "/v1.0/groups",
                        "{\"displayName\":\"Audited\",\"mailEnabled\":false,\"mailNickname\":\"audited\","
                                + "\"securityEnabled\":true}",
                        adminToken))
                .get("id")
                .asText();
        graph.post(
                "/v1.0/groups/" + group + "/members/$ref",
                "{\"@odata.id\":\"https://graph.microsoft.com/v1.0/directoryObjects/" + adele.id() + "\"}",
                adminToken);
        HttpResponse<String> refused = graph.post(
                "/v1.0/groups/" + group + "/members/$ref",
                "{\"@odata.id\":\"https://graph.microsoft.com/v1.0/directoryObjects/" + adele.id() + "\"}",
                adminToken);
        assertThat(refused.statusCode()).isEqualTo(400);

        JsonNode entries = json(graph.get(
                        "/v1.0/auditLogs/directoryAudits?$filter=" + encode("category eq 'GroupManagement'"),
                        adminToken))
                .get("value");

        assertThat(entries.findValuesAsText("activityDisplayName")).containsExactly("Add member to group", "Add group");
        JsonNode added = entries.get(0);
        assertThat(added.at("/initiatedBy/user/userPrincipalName").asText())
                .isEqualTo(contoso.admin().userPrincipalName());
        assertThat(added.at("/targetResources/0/id").asText()).isEqualTo(group);
        assertThat(added.at("/targetResources/1/userPrincipalName").asText()).isEqualTo(adele.userPrincipalName());
        assertThat(added.get("result").asText()).isEqualTo("success");
        JsonNode one = json(
                graph.get("/v1.0/auditLogs/directoryAudits/" + added.get("id").asText(), adminToken));
        assertThat(one.get("operationType").asText()).isEqualTo("Assign");
    }

    @Test
    @DisplayName("issue 9: only Global Administrators, Global Readers and apps with AuditLog.Read.All read the log")
    void whoMayReadTheLog() {
        String plain = graph.token(graph.user(contoso, "Plain User", "plain"));
        GraphFixture.App reader = graph.registerApp(adminToken, "Auditor");
        graph.grant(reader, adminToken, GraphPermission.AUDITLOG_READ_ALL);
        GraphFixture.App nobody = graph.registerApp(adminToken, "Not an auditor");

        assertThat(graph.get("/v1.0/auditLogs/directoryAudits", plain).statusCode())
                .isEqualTo(403);
        assertThat(graph.get(
                                "/v1.0/auditLogs/directoryAudits",
                                graph.appToken(contoso, reader.appId(), reader.secret()))
                        .statusCode())
                .isEqualTo(200);
        assertThat(graph.get(
                                "/v1.0/auditLogs/directoryAudits",
                                graph.appToken(contoso, nobody.appId(), nobody.secret()))
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<String> unsupported =
                graph.get("/v1.0/auditLogs/directoryAudits?$filter=" + encode("result eq 'success'"), adminToken);
        assertThat(unsupported.statusCode()).isEqualTo(400);
        assertThat(json(unsupported).at("/error/code").asText()).isEqualTo("Request_UnsupportedQuery");
        assertThat(graph.get("/v1.0/auditLogs/directoryAudits/" + java.util.UUID.randomUUID(), adminToken)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    @DisplayName("issue 9: licence and seat changes are audited; entries page with $top and a next link")
    void licenceAndSeatChangesAreAudited() {
        CreatedDirectory fabrikam = graph.directory("auditlicences");
        String token = graph.token(fabrikam.admin());
        var caller = dev.tenantry.testing.TestDirectory.callerOf(fabrikam.admin());
        var suite =
                server.app().services().subscriptions().buySuiteSubscription(caller, "O365_BUSINESS_PREMIUM", 2, false);
        server.app()
                .services()
                .suiteLifecycle()
                .changeSeats(caller, fabrikam.tenant().id(), suite.id(), 3);
        graph.post(
                "/v1.0/users/" + fabrikam.admin().id() + "/assignLicense",
                "{\"addLicenses\":[],\"removeLicenses\":[]}",
                token);

        JsonNode first = json(graph.get("/v1.0/auditLogs/directoryAudits?$top=1", token));
        JsonNode second = json(graph.get(first.get("@odata.nextLink").asText(), token));

        assertThat(first.at("/value/0/activityDisplayName").asText()).isEqualTo("Change user license");
        assertThat(second.at("/value/0/activityDisplayName").asText()).isEqualTo("Change subscription seats");
        assertThat(second.at("/value/0/targetResources/0/modifiedProperties/0/newValue")
                        .asText())
                .contains("5 seats");
    }
}
