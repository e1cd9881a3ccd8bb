package dev.tenantry.clients.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.clients.AppRegistration;
import dev.tenantry.clients.ServerApi;
import dev.tenantry.clients.TenantryProcess;
import dev.tenantry.clients.TestDirectory;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 11: azure-identity's {@code InteractiveBrowserCredential} (Java) signs a person in through the shared sign-in
 * page and calls Graph with the token. azure-identity gives no hook for the browser (its builder has
 * {@code redirectUrl} and {@code browserCustomizationOptions}, not MSAL4J's {@code SystemBrowserOptions}), and in a
 * headless JVM MSAL4J on Linux does not use {@code java.awt.Desktop} but runs {@code xdg-open URL} from the
 * {@code PATH}. So the credential runs unchanged in a child JVM ({@link InteractiveBrowserCredentialChild}) whose
 * {@code PATH} starts with a stand-in {@code xdg-open} that writes the URL to a file; this test hands that URL to its
 * headless Chromium, which signs in and is redirected to the credential's {@code http://localhost:PORT} listener.
 */
class AzureIdentityInteractiveBrowserIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    private static TestDirectory directory;
    private static AppRegistration app;

    @BeforeAll
    static void register() {
        TenantryProcess server = TenantryProcess.get();
        ServerApi api = new ServerApi(server);
        directory = TestDirectory.signUp(api, "azidint");
        app = AppRegistration.tryCreate(api, directory, "compat-azure-identity-interactive")
                .orElse(null);
        Assumptions.assumeTrue(app != null, AppRegistration.UNAVAILABLE);
        app.patch(api, directory, "{\"publicClient\":{\"redirectUris\":[\"http://localhost\"]}}");
    }

    @Test
    void interactiveBrowserCredentialSignsInAndCallsGraph() throws Exception {
        Path bin = Files.createTempDirectory("tenantry-xdg-open-");
        Path urlFile = bin.resolve("url.txt");
        Path xdgOpen = bin.resolve("xdg-open");
        Files.writeString(
                xdgOpen,
                "#!/bin/sh\nprintf '%s' \"$1\" > '" + urlFile + ".tmp' && mv '" + urlFile + ".tmp' '" + urlFile
                        + "'\n");
        Files.setPosixFilePermissions(xdgOpen, PosixFilePermissions.fromString("rwx------"));
        int port = freePort();

        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String property : List.of(
                "javax.net.ssl.trustStore", "javax.net.ssl.trustStorePassword", "javax.net.ssl.trustStoreType")) {
            String value = System.getProperty(property);
            if (value != null) {
                command.add("-D" + property + "=" + value);
            }
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(InteractiveBrowserCredentialChild.class.getName());
        command.add(TenantryProcess.get().baseUrl());
        command.add(directory.tenantId());
        command.add(app.appId());
        command.add(Integer.toString(port));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        builder.environment().remove("SUDO_USER"); // MSAL4J refuses to open a browser under sudo
        Path output = bin.resolve("child.log");
        builder.redirectOutput(output.toFile());
        Process child = builder.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(urlFile) && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(urlFile).as(log(output)).exists();
            String url = Files.readString(urlFile, StandardCharsets.UTF_8).strip();
            assertThat(url)
                    .startsWith(
                            TenantryProcess.get().baseUrl() + "/" + directory.tenantId() + "/oauth2/v2.0/authorize?");
            assertThat(url).contains("redirect_uri=http%3A%2F%2Flocalhost%3A" + port);

            browser.driver().get(url);
            browser.signIn(directory.adminUpn(), TestDirectory.PASSWORD, "azure-identity-interactive");

            assertThat(child.waitFor(90, TimeUnit.SECONDS)).as(log(output)).isTrue();
            assertThat(child.exitValue()).as(log(output)).isZero();
            assertThat(log(output)).contains("ME=" + directory.adminUpn());
        } finally {
            child.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String log(Path output) {
        try {
            return Files.exists(output) ? Files.readString(output, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(cannot read the child's output: " + e.getMessage() + ")";
        }
    }
}
