package dev.tenantry.clients;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 11: azure-identity's {@code ManagedIdentityCredential} (App Service protocol and IMDS) and
 * {@code DefaultAzureCredential}, each in a JVM of its own configured only by the environment variables the packaged
 * server prints for its managed identity endpoint, get a token that ARM accepts. The server runs as its own process
 * here: the endpoint serves a compute host named at start, so the host is made first, then the server restarts with
 * the endpoint on, as an operator would.
 */
class ManagedIdentityCompatIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SERVING = Pattern.compile("^Tenantry is serving https://127\\.0\\.0\\.1:(\\d+)/.*");
    private static final Pattern VARIABLE = Pattern.compile("([A-Z_]+)=(\\S+)");
    private static final String READER = "acdd72a7-3385-48ef-bd42-f606fba81ae7";
    private static final String ARM_SCOPE = "https://management.azure.com/.default";

    private static Path data;
    private static Process server;
    private static int port;
    private static final Map<String, String> appService = new HashMap<>();
    private static final Map<String, String> imds = new HashMap<>();
    private static HttpClient http;
    private static String subscriptionId;

    @BeforeAll
    static void startServerWithAHostAndItsEndpoint() throws Exception {
        data = Files.createTempDirectory("tenantry-mi-");
        List<String> lines = start(List.of());
        http = HttpClient.newBuilder()
                .sslContext(trusting(data.resolve("tls").resolve("server.pem")))
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        JsonNode signUp = send(
                "POST",
                "/api/signups",
                """
                {"organization":"Compat MI","domainPrefix":"compatmi%s","countryCode":"NL",
                 "admin":{"displayName":"Kelley Wall","userName":"admin","password":"%s"},
                 "product":"MS-AZR-0044P"}
                """.formatted(UUID.randomUUID().toString().substring(0, 8), TestDirectory.PASSWORD),
                null);
        subscriptionId = signUp.at("/subscription/subscriptionId").asText();
        String upn = signUp.at("/admin/userPrincipalName").asText();
        String form = "grant_type=password&client_id=" + Clients.AZURE_CLI + "&username=" + encode(upn) + "&password="
                + encode(TestDirectory.PASSWORD) + "&scope=" + encode(ARM_SCOPE);
        HttpResponse<String> token = http.send(
                HttpRequest.newBuilder(
                                URI.create(base() + "/" + signUp.get("tenantId").asText() + "/oauth2/v2.0/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String owner = JSON.readTree(token.body()).get("access_token").asText();
        String group = "/subscriptions/" + subscriptionId + "/resourceGroups/rg-app";
        send("PUT", group + "?api-version=2022-12-01", "{\"location\":\"westeurope\"}", owner);
        JsonNode host = send(
                "PUT",
                group + "/providers/Tenantry.Compute/hosts/web-1?api-version=2023-01-31",
                "{\"location\":\"westeurope\",\"identity\":{\"type\":\"SystemAssigned\"}}",
                owner);
        send(
                "PUT",
                "/subscriptions/" + subscriptionId + "/providers/Microsoft.Authorization/roleAssignments/"
                        + UUID.randomUUID() + "?api-version=2022-04-01",
                "{\"properties\":{\"roleDefinitionId\":\"/subscriptions/" + subscriptionId
                        + "/providers/Microsoft.Authorization/roleDefinitions/" + READER + "\",\"principalId\":\""
                        + host.at("/identity/principalId").asText() + "\"}}",
                owner);
        stop();
        lines = start(List.of(
                "--managed-identity-port",
                "0",
                "--managed-identity-resource",
                host.get("id").asText()));
        for (String line : lines) {
            Map<String, String> target =
                    line.contains("App Service protocol") ? appService : line.contains("IMDS protocol") ? imds : null;
            if (target != null) {
                Matcher matcher = VARIABLE.matcher(line);
                while (matcher.find()) {
                    target.put(matcher.group(1), matcher.group(2));
                }
            }
        }
        assertThat(appService).containsKeys("IDENTITY_ENDPOINT", "IDENTITY_HEADER");
        assertThat(imds).containsKey("AZURE_POD_IDENTITY_AUTHORITY_HOST");
    }

    @AfterAll
    static void stopServer() throws Exception {
        stop();
    }

    @Test
    void managedIdentityCredentialSpeaksTheAppServiceProtocol() throws Exception {
        assertArmAccepts(child("managed", appService));
    }

    @Test
    void managedIdentityCredentialSpeaksImds() throws Exception {
        assertArmAccepts(child("managed", imds));
    }

    @Test
    void defaultAzureCredentialFindsTheManagedIdentityFromTheEnvironmentAlone() throws Exception {
        assertArmAccepts(child("default", appService));
    }

    private static void assertArmAccepts(String token) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(
                                URI.create(base() + "/subscriptions/" + subscriptionId + "?api-version=2022-12-01"))
                        .header("Authorization", "Bearer " + token)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.", -1)[1]), StandardCharsets.UTF_8);
        assertThat(JSON.readTree(payload).get("xms_mirid").asText()).endsWith("/Tenantry.Compute/hosts/web-1");
    }

    /** Runs {@link ManagedIdentityChild} in a new JVM whose environment is {@code variables} and nothing of Azure's. */
    private static String child(String credential, Map<String, String> variables) throws Exception {
        return AzureChildJvm.token(ManagedIdentityChild.class, variables, credential, ARM_SCOPE);
    }

    private static List<String> start(List<String> extra) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                Path.of(System.getProperty("tenantry.jar", "../server/target/tenantry.jar"))
                        .toAbsolutePath()
                        .toString(),
                "serve",
                "--data",
                data.toString(),
                "--port",
                "0"));
        command.addAll(extra);
        server = new ProcessBuilder(command)
                .redirectError(
                        data.resolveSibling(data.getFileName() + "-server.log").toFile())
                .start();
        BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> readLines(server.getInputStream(), queue), "mi-server-stdout");
        reader.setDaemon(true);
        reader.start();
        List<String> lines = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            String line = queue.poll(1, TimeUnit.SECONDS);
            if (line == null) {
                continue;
            }
            lines.add(line);
            Matcher serving = SERVING.matcher(line);
            if (serving.matches()) {
                port = Integer.parseInt(serving.group(1));
            }
            if (port > 0 && (extra.isEmpty() || line.contains("IMDS protocol"))) {
                return lines;
            }
        }
        throw new IllegalStateException("the server did not start: " + lines);
    }

    private static void readLines(InputStream stdout, BlockingQueue<String> queue) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stdout, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                queue.add(line);
            }
        } catch (IOException e) {
            // the server stopped
        }
    }

    private static void stop() throws InterruptedException {
        if (server != null) {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
            server = null;
            port = 0;
        }
    }

    private static String base() {
        return "https://127.0.0.1:" + port;
    }

    private static JsonNode send(String method, String path, String json, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as(method + " " + path + ": " + response.body())
                .isBetween(200, 201);
        return JSON.readTree(response.body());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static SSLContext trusting(Path pem) throws Exception {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream in = Files.newInputStream(pem)) {
            store.setCertificateEntry(
                    "tenantry", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
