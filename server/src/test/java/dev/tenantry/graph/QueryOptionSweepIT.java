package dev.tenantry.graph;

import static dev.tenantry.graph.GraphFixture.encode;
import static dev.tenantry.graph.GraphFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenantry.directory.CreatedDirectory;
import dev.tenantry.testing.RunningServer;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Never ignore what is not supported (issue 12's lesson, kept by issue 9's routes): every Graph GET route, sent a
 * query option or a filter it does not honour, answers 400 — none answers 200 as if the option were not there.
 */
class QueryOptionSweepIT {

    @RegisterExtension
    static final RunningServer server = new RunningServer();

    private static final List<String> UNSUPPORTED = List.of(
            "$orderby=" + encode("noSuchProperty desc"),
            "$expand=noSuchRelation",
            "$select=noSuchProperty",
            "$filter=" + encode("noSuchProperty eq 'x'"),
            "$format=json",
            "$skip=1",
            "$search=" + encode("\"noSuchProperty:x\""));

    private static GraphFixture graph;
    private static String token;
    private static List<String> routes;

    @BeforeAll
    static void directory() {
        graph = new GraphFixture(server);
        CreatedDirectory contoso = graph.directory("sweep");
        token = graph.token(contoso.admin());
        String user = contoso.admin().id().toString();
        String group = json(graph.post(
                        "/v1.0/groups",
                        "{\"displayName\":\"Swept\",\"mailEnabled\":false,\"mailNickname\":\"swept\","
                                + "\"securityEnabled\":true}",
                        token))
                .get("id")
                .asText();
        GraphFixture.App app = graph.registerApp(token, "Swept app");
        String role =
                json(graph.get("/v1.0/directoryRoles", token)).at("/value/0/id").asText();
        String audit = json(graph.get("/v1.0/auditLogs/directoryAudits", token))
                .at("/value/0/id")
                .asText();
        routes = List.of(
                "/v1.0/users",
                "/v1.0/users/" + user,
                "/v1.0/me",
                "/v1.0/users/" + user + "/memberOf",
                "/v1.0/users/" + user + "/transitiveMemberOf",
                "/v1.0/users/" + user + "/licenseDetails",
                "/v1.0/me/memberOf",
                "/v1.0/me/licenseDetails",
                "/v1.0/groups",
                "/v1.0/groups/" + group,
                "/v1.0/groups/" + group + "/members",
                "/v1.0/groups/" + group + "/transitiveMembers",
                "/v1.0/groups/" + group + "/owners",
                "/v1.0/groups/" + group + "/memberOf",
                "/v1.0/groups/" + group + "/membersWithLicenseErrors",
                "/v1.0/applications",
                "/v1.0/applications/" + app.objectId(),
                "/v1.0/servicePrincipals",
                "/v1.0/servicePrincipals/" + app.spId(),
                "/v1.0/servicePrincipals/" + app.spId() + "/appRoleAssignments",
                "/v1.0/applications/" + app.objectId() + "/owners",
                "/v1.0/servicePrincipals/" + app.spId() + "/owners",
                "/v1.0/me/ownedObjects",
                "/v1.0/users/" + user + "/ownedObjects",
                "/v1.0/directoryRoles",
                "/v1.0/directoryRoles/" + role,
                "/v1.0/directoryRoles/" + role + "/members",
                "/v1.0/directoryRoleTemplates",
                "/v1.0/organization",
                "/v1.0/organization/" + contoso.tenant().id(),
                "/v1.0/domains",
                "/v1.0/domains/" + contoso.tenant().initialDomain(),
                "/v1.0/subscribedSkus",
                "/v1.0/auditLogs/directoryAudits",
                "/v1.0/auditLogs/directoryAudits/" + audit);
    }

    @Test
    @DisplayName("issue 12: no Graph GET route answers 200 to an option or filter it does not honour")
    void noRouteIgnoresAnOption() {
        List<String> ignored = new ArrayList<>();
        for (String route : routes) {
            assertThat(graph.get(route, token).statusCode()).as(route).isEqualTo(200);
            for (String option : UNSUPPORTED) {
                HttpResponse<String> response = graph.get(route + "?" + option, token);
                if (response.statusCode() != 400) {
                    ignored.add(response.statusCode() + " " + route + "?" + option);
                }
            }
        }
        assertThat(ignored).isEmpty();
    }

    @Test
    @DisplayName("issue 12: az ad app show --id sends $filter=appId eq '…': exactly that application, never the first")
    void applicationsAreFilteredByAppId() {
        GraphFixture.App first = graph.registerApp(token, "First app");
        GraphFixture.App second = graph.registerApp(token, "Second app");

        JsonNode byAppId =
                json(graph.get("/v1.0/applications?$filter=" + encode("appId eq '" + second.appId() + "'"), token));
        JsonNode byName =
                json(graph.get("/v1.0/servicePrincipals?$filter=" + encode("startswith(displayName,'first')"), token));

        assertThat(byAppId.get("value").findValuesAsText("appId")).containsExactly(second.appId());
        assertThat(byName.get("value").findValuesAsText("appId")).containsExactly(first.appId());
        assertThat(graph.get("/v1.0/applications?$filter=" + encode("appId eq 'not-a-guid'"), token)
                        .body())
                .contains("\"value\":[]");
    }

    @Test
    @DisplayName("issue 12: id in (…), appId in (…) and servicePrincipalNames/any(c:c eq …) select exactly those")
    void inAndAnyFilters() {
        GraphFixture.App one = graph.registerApp(token, "In one");
        GraphFixture.App two = graph.registerApp(token, "In two");
        graph.registerApp(token, "In three");

        JsonNode byIds = json(graph.get(
                "/v1.0/applications?$filter=" + encode("id in ('" + one.objectId() + "', '" + two.objectId() + "')"),
                token));
        JsonNode byName = json(graph.get(
                "/v1.0/servicePrincipals?$filter=" + encode("servicePrincipalNames/any(c:c eq '" + two.appId() + "')"),
                token));
        HttpResponse<String> onUsers = graph.get("/v1.0/users?$filter=" + encode("id in ('x')"), token);

        assertThat(byIds.get("value").findValuesAsText("appId")).containsExactlyInAnyOrder(one.appId(), two.appId());
        assertThat(byName.get("value").findValuesAsText("appId")).containsExactly(two.appId());
        assertThat(onUsers.statusCode()).isEqualTo(400);
    }
}
