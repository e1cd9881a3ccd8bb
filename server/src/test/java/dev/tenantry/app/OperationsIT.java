package dev.tenantry.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tenantry.directory.CreatedDirectory;
import dev.tenantry.directory.NewUser;
import dev.tenantry.testing.CookieClient;
import dev.tenantry.testing.RunningServer;
import dev.tenantry.testing.TestDirectories;
import dev.tenantry.testing.Tokens;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Health, readiness, Prometheus metrics, request ids and JSON request logs of a real server (issue 13). */
class OperationsIT {

    private static final String METRICS_TOKEN = "metrics-" + UUID.randomUUID();

    @RegisterExtension
    static final RunningServer server = new RunningServer(
            config -> config.withOperations(config.operations().withMetricsToken(METRICS_TOKEN)));

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void livenessAndReadinessAnswerAndTheOldHealthStays() throws Exception {
        HttpResponse<String> live = server.get("/health/live");
        HttpResponse<String> ready = server.get("/health/ready");

        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(live.body()).get("status").asText()).isEqualTo("UP");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(ready.body()).at("/checks/database").asText()).isEqualTo("UP");
        assertThat(server.get("/health").body()).contains("\"status\":\"UP\"");
        assertThat(server.app().database().ready()).isTrue();
    }

    @Test
    void metricsAnswerOnlyTheOperatorsBearer() {
        assertThat(server.get("/metrics").statusCode()).isEqualTo(404);
        assertThat(server.get("/metrics", "not-the-token").statusCode()).isEqualTo(404);
        assertThat(server.get("/metrics", METRICS_TOKEN).statusCode()).isEqualTo(200);
    }

    @Test
    void metricsCountRequestsByRouteTokensByGrantFailuresByCodeThePoolAndTheJvm() {
        Directory directory = directory();
        assertThat(token(directory.tenant(), directory.upn(), TestDirectories.PASSWORD)
                        .statusCode())
                .isEqualTo(200);
        assertThat(token(directory.tenant(), directory.upn(), "wrong-password").statusCode())
                .isEqualTo(400);
        server.get("/health/live");

        String metrics = server.get("/metrics", METRICS_TOKEN).body();

        assertThat(metrics)
                .contains("http_server_requests_seconds_bucket{")
                .containsPattern("http_server_requests_seconds_count\\{[^}]*route=\"/health/live\"[^}]*status=\"200\"")
                .containsPattern("http_server_requests_seconds_count\\{[^}]*route=\"/\\{tenant}/oauth2/v2.0/token\"")
                .contains("tenantry_tokens_issued_total{grant=\"password\"}")
                .containsPattern("tenantry_failures_total\\{code=\"[^\"]+\",status=\"400\"}")
                .contains("hikaricp_connections_active")
                .contains("jvm_memory_used_bytes")
                .doesNotContain(directory.upn())
                .doesNotContain(directory.tenant());
    }

    @Test
    void everyAnswerHasARequestIdThatIsTheTraceIdOfAnAadstsError() throws Exception {
        Directory directory = directory();
        HttpResponse<String> refused = token(directory.tenant(), directory.upn(), "wrong-password");

        String requestId = refused.headers().firstValue("x-ms-request-id").orElseThrow();
        JsonNode body = JSON.readTree(refused.body());
        assertThat(body.get("trace_id").asText()).isEqualTo(requestId);
        assertThat(body.get("error_description").asText()).contains("Trace ID: " + requestId);
        assertThat(server.get("/health/live").headers().firstValue("x-ms-request-id"))
                .hasValueSatisfying(id -> assertThat(id).isNotEqualTo(requestId));
    }

    @Test
    void jsonRequestLogsCarryTheRouteTemplateAndRequestIdsAndNothingSecretOrPersonal() throws Exception {
        Directory directory = directory();
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        String clientRequestId = UUID.randomUUID().toString();
        String requestId;
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            LogFormat.apply("json");
            HttpResponse<String> refused = server.send(server.request("/" + directory.tenant() + "/oauth2/v2.0/token")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("client-request-id", clientRequestId)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form(directory.upn(), "S3cret-wrong!")))
                    .build());
            requestId = refused.headers().firstValue("x-ms-request-id").orElseThrow();
            for (int i = 0; i < 50 && !captured.toString(StandardCharsets.UTF_8).contains(requestId); i++) {
                Thread.sleep(100);
            }
        } finally {
            System.setErr(original);
        }

        String line = captured.toString(StandardCharsets.UTF_8)
                .lines()
                .filter(l -> l.contains(requestId))
                .findFirst()
                .orElseThrow();
        JsonNode log = JSON.readTree(line);
        assertThat(log.get("level").asText()).isEqualTo("INFO");
        assertThat(log.get("loggerName").asText()).isEqualTo("dev.tenantry.requests");
        assertThat(log.get("kvpList").toString())
                .contains("{\"route\":\"/{tenant}/oauth2/v2.0/token\"}", "{\"status\":\"400\"}", clientRequestId);
        assertThat(line)
                .doesNotContain("S3cret-wrong!")
                .doesNotContain(directory.upn())
                .doesNotContain(directory.tenant());
    }

    private record Directory(String tenant, String upn) {}

    private static Directory directory() {
        String prefix = "ops" + UUID.randomUUID().toString().substring(0, 8);
        CreatedDirectory created = server.app()
                .services()
                .tenants()
                .createDirectory("Operations", "US", prefix, NewUser.of("Admin", "admin", TestDirectories.PASSWORD));
        return new Directory(
                created.tenant().id().value().toString(), created.admin().userPrincipalName());
    }

    private static HttpResponse<String> token(String tenant, String upn, String password) {
        return server.postForm("/" + tenant + "/oauth2/v2.0/token", form(upn, password));
    }

    private static String form(String upn, String password) {
        return "client_id=" + Tokens.AZURE_CLI + "&grant_type=password&scope=" + CookieClient.encode(Tokens.GRAPH)
                + "&username=" + CookieClient.encode(upn) + "&password=" + CookieClient.encode(password);
    }
}
