package dev.tenantry.clients.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tenantry.clients.AppRegistration;
import dev.tenantry.clients.Clients;
import dev.tenantry.clients.ServerApi;
import dev.tenantry.clients.TenantryProcess;
import dev.tenantry.clients.TestDirectory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * Issue 11: msal-node ({@code src/test/node}, pinned by its lockfile, installed with {@code npm ci} into
 * {@code target/node-clients}) as a Node application uses it, with headless Chromium as the person: authorization code
 * with PKCE to a loopback listener ({@code getAuthCodeUrl}, {@code acquireTokenByCode}) and the device code flow
 * approved on {@code /devicelogin}. Skipped when node or npm is missing.
 */
class MsalNodeBrowserIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SOURCE = Path.of("src/test/node");
    private static final Path INSTALL = Path.of("target/node-clients");

    @RegisterExtension
    static final Browser browser = new Browser();

    private static TenantryProcess server;
    private static TestDirectory directory;
    private static AppRegistration app;

    @BeforeAll
    static void installAndRegister() throws Exception {
        Assumptions.assumeTrue(
                Files.isExecutable(Path.of("/usr/bin/node")) && Files.isExecutable(Path.of("/usr/bin/npm")),
                "msal-node: node and npm are not installed, skipping");
        install();
        server = TenantryProcess.get();
        ServerApi api = new ServerApi(server);
        directory = TestDirectory.signUp(api, "msalnode");
        app = AppRegistration.tryCreate(api, directory, "compat-msal-node").orElseThrow();
        app.patch(api, directory, "{\"publicClient\":{\"redirectUris\":[\"http://localhost\"]}}");
    }

    @Test
    @DisplayName("issue 11: msal-node getAuthCodeUrl + acquireTokenByCode with PKCE, signed in in Chromium")
    void authorizationCodeWithPkce() throws Exception {
        Node node = Node.start("auth-code", app.appId());
        browser.driver().get(node.next().get("authorize").asText());
        if (browser.driver().findElements(By.id("username")).isEmpty()) {
            browser.screenshot("msal-node-already-signed-in");
        } else {
            browser.signIn(directory.adminUpn(), TestDirectory.PASSWORD, "msal-node");
        }
        if (!browser.driver().findElements(By.id("consent-accept")).isEmpty()) {
            browser.clickAndWait(browser.driver().findElement(By.id("consent-accept")), "msal-node-consented");
        }
        JsonNode result = node.next();
        assertSignedIn(result);
    }

    @Test
    @DisplayName("issue 11: msal-node acquireTokenByDeviceCode, the code approved on /devicelogin in Chromium")
    void deviceCode() throws Exception {
        Node node = Node.start("device-code", Clients.AZURE_CLI);
        JsonNode code = node.next();
        assertThat(code.has("userCode")).as(code.toString()).isTrue();
        browser.driver().get(code.get("verificationUri").asText());
        if (!browser.driver().findElements(By.id("username")).isEmpty()) {
            browser.signIn(directory.adminUpn(), TestDirectory.PASSWORD, "devicelogin-signed-in");
        }
        browser.fill("otc", code.get("userCode").asText());
        browser.press("Next", "devicelogin-code");
        browser.press("Continue", "devicelogin-approved");
        assertSignedIn(node.next());
    }

    private static void assertSignedIn(JsonNode result) {
        assertThat(result.has("error")).as(result.toString()).isFalse();
        assertThat(result.get("username").asText()).isEqualTo(directory.adminUpn());
        assertThat(result.get("tenantId").asText()).isEqualTo(directory.tenantId());
        assertThat(result.get("homeAccountId").asText())
                .isEqualTo(directory.adminObjectId() + "." + directory.tenantId());
        assertThat(result.get("accessToken").asBoolean()).isTrue();
        assertThat(result.get("idTokenName").asText()).isEqualTo(TestDirectory.ADMIN_NAME);
        assertThat(result.get("scopes").toString()).containsIgnoringCase("User.Read");
    }

    /** {@code npm ci} from the committed lockfile, once per lockfile; the script is copied every time. */
    private static void install() throws IOException, InterruptedException {
        Files.createDirectories(INSTALL);
        Path lock = INSTALL.resolve("package-lock.json");
        boolean current = Files.exists(INSTALL.resolve("node_modules/@azure/msal-node/package.json"))
                && Files.exists(lock)
                && Files.mismatch(lock, SOURCE.resolve("package-lock.json")) == -1;
        for (String file : List.of("package.json", "package-lock.json", "msal-node.mjs")) {
            Files.copy(SOURCE.resolve(file), INSTALL.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        if (current) {
            return;
        }
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts")
                .directory(INSTALL.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!npm.waitFor(180, TimeUnit.SECONDS) || npm.exitValue() != 0) {
            throw new IllegalStateException("npm ci failed in " + INSTALL + ": " + output);
        }
    }

    /** {@code node msal-node.mjs MODE} with the authority, client id and trust in its environment. */
    private record Node(Process process, BlockingQueue<String> lines) {

        static Node start(String mode, String clientId) throws IOException {
            ProcessBuilder builder = new ProcessBuilder("node", "msal-node.mjs", mode)
                    .directory(INSTALL.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT);
            Path trust = Files.exists(server.caCertificate()) ? server.caCertificate() : server.certificate();
            builder.environment()
                    .putAll(Map.of(
                            "TENANTRY_AUTHORITY",
                            server.baseUrl() + "/" + directory.tenantId(),
                            "TENANTRY_CLIENT_ID",
                            clientId,
                            "TENANTRY_SCOPES",
                            "User.Read",
                            "NODE_EXTRA_CA_CERTS",
                            trust.toAbsolutePath().toString()));
            Process process = builder.start();
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            Thread reader = new Thread(
                    () -> {
                        try (BufferedReader out = new BufferedReader(
                                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                            String line;
                            while ((line = out.readLine()) != null) {
                                lines.add(line);
                            }
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    },
                    "msal-node-" + mode);
            reader.setDaemon(true);
            reader.start();
            return new Node(process, lines);
        }

        /** The next JSON line the script prints, within a minute. */
        JsonNode next() throws IOException, InterruptedException {
            String line = lines.poll(60, TimeUnit.SECONDS);
            if (line == null) {
                process.destroy();
                throw new AssertionError("msal-node printed nothing within 60 s");
            }
            return JSON.readTree(line);
        }
    }
}
