package dev.tenantry.arm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tenantry.testing.RunningServer;
import dev.tenantry.testing.Tokens;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Never ignore what is not supported (issue 12), on ARM: every ARM GET route, sent a query option it does not honour,
 * answers ARM's 400 — none answers 200 as if the option were not there; the options it honours still work.
 */
class ArmQueryOptionSweepIT {

    @RegisterExtension
    static final RunningServer server = new RunningServer();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "Tenantry!2026";

    private static final List<String> UNSUPPORTED = List.of(
            "$orderby=" + encode("name desc"),
            "$expand=noSuchRelation",
            "$select=noSuchProperty",
            "$top=1",
            "$skip=1",
            "$format=json",
            "$search=x",
            "noSuchParameter=1");

    /** Route template → a concrete URL of it (without query). */
    private static final Map<String, String> ROUTES = new LinkedHashMap<>();

    /**
     * ARM GET routes outside the central table, which check their own options (issue 10's resource-group scopes,
     * permissions, activity log, support tickets): a concrete URL with what it needs, and whether it filters.
     */
    private static final Map<String, Boolean> SELF_CHECKED = new LinkedHashMap<>();

    private static String token;

    @BeforeAll
    static void subscription() throws Exception {
        HttpResponse<String> signUp = server.postJson("/api/signups", """
                {"organization":"Sweep","domainPrefix":"armsweep","countryCode":"NL",
                 "admin":{"displayName":"Pat Owner","userName":"admin","password":"%s"},"product":"MS-AZR-0003P"}
                """.formatted(PASSWORD));
        String subscription =
                JSON.readTree(signUp.body()).at("/subscription/subscriptionId").asText();
        token = Tokens.password(server, "admin@armsweep.onmicrosoft.test", PASSWORD, Tokens.MANAGEMENT);
        String sub = "/subscriptions/" + subscription;
        HttpResponse<String> group = server.send(server.request(sub + "/resourcegroups/swept?api-version=2022-09-01")
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"location\":\"westeurope\"}"))
                .build());
        assertThat(group.statusCode()).isIn(200, 201);
        String auth = sub + "/providers/Microsoft.Authorization";
        String ownerRole = "8e3af657-a8ff-443c-a75c-2fe8c4bcb635";
        ROUTES.put("/tenants", "/tenants");
        ROUTES.put("/subscriptions", "/subscriptions");
        ROUTES.put("/subscriptions/{subscriptionId}", sub);
        ROUTES.put("/subscriptions/{subscriptionId}/resourcegroups", sub + "/resourcegroups");
        ROUTES.put("/subscriptions/{subscriptionId}/resourceGroups", sub + "/resourceGroups");
        ROUTES.put("/subscriptions/{subscriptionId}/resourcegroups/{name}", sub + "/resourcegroups/swept");
        ROUTES.put("/subscriptions/{subscriptionId}/resourceGroups/{name}", sub + "/resourceGroups/swept");
        ROUTES.put(
                "/subscriptions/{subscriptionId}/providers/Microsoft.Authorization/roleDefinitions",
                auth + "/roleDefinitions");
        ROUTES.put(
                "/subscriptions/{subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/{roleId}",
                auth + "/roleDefinitions/" + ownerRole);
        ROUTES.put(
                "/subscriptions/{subscriptionId}/providers/Microsoft.Authorization/roleAssignments",
                auth + "/roleAssignments");
        String assignment = JSON.readTree(server.get(auth + "/roleAssignments?api-version=2022-04-01", token)
                        .body())
                .at("/value/0/name")
                .asText();
        ROUTES.put(
                "/subscriptions/{subscriptionId}/providers/Microsoft.Authorization/roleAssignments/{name}",
                auth + "/roleAssignments/" + assignment);
        ROUTES.put(
                "/subscriptions/{subscriptionId}/providers/Microsoft.Authorization/classicAdministrators",
                auth + "/classicAdministrators");
        ROUTES.put("/metadata/endpoints", "/metadata/endpoints");
        String groupAuth = sub + "/resourceGroups/swept/providers/Microsoft.Authorization";
        SELF_CHECKED.put(groupAuth + "/roleDefinitions?api-version=2022-04-01", true);
        SELF_CHECKED.put(groupAuth + "/roleDefinitions/" + ownerRole + "?api-version=2022-04-01", false);
        SELF_CHECKED.put(groupAuth + "/roleAssignments?api-version=2022-04-01", true);
        SELF_CHECKED.put(auth + "/permissions?api-version=2022-04-01", false);
        SELF_CHECKED.put(groupAuth + "/permissions?api-version=2022-04-01", false);
        SELF_CHECKED.put(
                sub + "/providers/Microsoft.Insights/eventtypes/management/values?api-version=2015-04-01&$filter="
                        + encode(
                                "eventTimestamp ge '2026-01-01T00:00:00Z' and eventTimestamp le '2026-03-01T00:00:00Z'"),
                true);
        SELF_CHECKED.put(sub + "/providers/Microsoft.Support/supportTickets?api-version=2020-04-01", false);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String apiVersion(String path) {
        if (path.equals("/metadata/endpoints")) {
            return "2022-09-01";
        }
        return path.contains("Microsoft.Authorization") ? "2022-04-01" : "2022-09-01";
    }

    @Test
    @DisplayName("issue 12: the sweep covers every ARM GET route of the central table")
    void sweepCoversTheTable() {
        assertThat(ROUTES.keySet()).containsExactlyInAnyOrderElementsOf(ArmQueryOptions.routes());
    }

    @Test
    @DisplayName("issue 12: every ARM GET route answers each option it does not honour with ARM's 400, never 200")
    void everyRouteRefusesWhatItDoesNotHonour() throws Exception {
        List<String> ignored = new ArrayList<>();
        for (Map.Entry<String, String> route : ROUTES.entrySet()) {
            String path = route.getValue();
            HttpResponse<String> plain = server.get(path + "?api-version=" + apiVersion(path), token);
            assertThat(plain.statusCode()).as(path).isEqualTo(200);
            for (String option : unsupportedAt(route.getKey())) {
                HttpResponse<String> response =
                        server.get(path + "?api-version=" + apiVersion(path) + "&" + option, token);
                JsonNode error = JSON.readTree(response.body()).path("error");
                if (response.statusCode() != 400 || error.path("code").asText().isEmpty()) {
                    ignored.add(path + " ?" + option + " -> " + response.statusCode());
                }
            }
        }
        assertThat(ignored).isEmpty();
    }

    @Test
    @DisplayName("issue 12: a $filter where the route cannot filter is InvalidFilterInQueryString")
    void filterWhereNoneIsSupported() throws Exception {
        HttpResponse<String> response =
                server.get("/tenants?api-version=2022-09-01&$filter=" + encode("a eq 'b'"), token);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).at("/error/code").asText()).isEqualTo("InvalidFilterInQueryString");
    }

    @Test
    @DisplayName("issue 10, 12: ARM GET routes outside the table refuse what they do not honour too")
    void selfCheckedRoutesRefuseWhatTheyDoNotHonour() throws Exception {
        List<String> ignored = new ArrayList<>();
        for (Map.Entry<String, Boolean> route : SELF_CHECKED.entrySet()) {
            String url = route.getKey();
            assertThat(server.get(url, token).statusCode()).as(url).isEqualTo(200);
            List<String> probes = new ArrayList<>(UNSUPPORTED);
            if (!route.getValue()) {
                probes.add("$filter=" + encode("name eq 'x'"));
            }
            for (String option : probes) {
                HttpResponse<String> response = server.get(url + "&" + option, token);
                if (response.statusCode() != 400
                        || JSON.readTree(response.body())
                                .at("/error/code")
                                .asText()
                                .isEmpty()) {
                    ignored.add(url + " &" + option + " -> " + response.statusCode());
                }
            }
        }
        assertThat(ignored).isEmpty();
    }

    @Test
    @DisplayName("issue 12: the options a route honours still work ($filter on role definitions)")
    void honouredOptionsStillWork() throws Exception {
        String path = ROUTES.get("/subscriptions/{subscriptionId}/providers/Microsoft.Authorization/roleDefinitions");

        HttpResponse<String> response =
                server.get(path + "?api-version=2022-04-01&$filter=" + encode("roleName eq 'Owner'"), token);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("value")).hasSize(1);
    }

    /** The unsupported probes, plus {@code $filter} where the route does not filter at all. */
    private static List<String> unsupportedAt(String template) {
        List<String> probes = new ArrayList<>(UNSUPPORTED);
        if (!template.endsWith("/roleDefinitions") && !template.endsWith("/roleAssignments")) {
            probes.add("$filter=" + encode("name eq 'x'"));
        }
        return probes;
    }
}
