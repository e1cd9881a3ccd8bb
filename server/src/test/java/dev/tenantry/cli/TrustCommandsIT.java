package dev.tenantry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.app.TenantryApp;
import dev.tenantry.app.TenantryConfig;
import dev.tenantry.testing.CapturedConsole;
import dev.tenantry.testing.ServerProcess;
import dev.tenantry.testing.Tls;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code tenantry cert ca}, {@code cert export --ca} and {@code trust} (issue 12) with a real server. */
class TrustCommandsIT {

    @TempDir
    Path temp;

    @RegisterExtension
    final CapturedConsole console = new CapturedConsole();

    @Test
    @DisplayName("issue 12: with 'cert ca' and --microsoft-hostnames the server is trusted as login.microsoftonline.com"
            + " and names itself so, whatever its public URL; another Host gets the public URL")
    void serverAnswersAsMicrosoftUnderTheLocalCa() throws Exception {
        Path data = temp.resolve("data");
        assertThat(run("cert", "ca", "--data", data.toString()))
                .as(console::captured)
                .isZero();
        assertThat(run("cert", "export", "--ca", "--data", data.toString()))
                .as(console::captured)
                .isZero();
        String caPem = Files.readString(data.resolve("tls/ca.pem"));
        assertThat(console.out()).contains(caPem);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("tls/ca.key"))))
                .isEqualTo("rw-------");
        SSLContext trustingCa = trusting(caPem);
        TenantryConfig config = TenantryConfig.defaults()
                .withPort(0)
                .withDataDir(data)
                .withPublicUrl("https://tenantry.example")
                .withHostnames(List.of("tenantry.test"))
                .withMicrosoftHostnames(true);

        try (TenantryApp app = TenantryApp.start(config)) {
            for (String name : TenantryConfig.MICROSOFT_HOSTNAMES) {
                assertThat(get(
                                trustingCa,
                                app.port(),
                                name,
                                name,
                                "/organizations/v2.0/.well-known/openid-configuration"))
                        .contains("\"issuer\":\"https://" + name + "/{tenantid}/v2.0\"");
            }
            assertThat(get(
                            trustingCa,
                            app.port(),
                            "tenantry.test",
                            "tenantry.test:" + app.port(),
                            "/common/v2.0/" + ".well-known/openid-configuration"))
                    .contains("\"token_endpoint\":\"https://tenantry.test:" + app.port() + "/common/oauth2/v2.0/token");
            assertThat(get(
                            trustingCa,
                            app.port(),
                            "localhost",
                            "evil.example",
                            "/common/v2.0/.well-known/" + "openid-configuration"))
                    .contains("\"token_endpoint\":\"https://tenantry.example/common/oauth2/v2.0/token");
        }
        // a start without the Microsoft names re-issues the certificate from the same CA, without them
        try (TenantryApp app = TenantryApp.start(config.withMicrosoftHostnames(false))) {
            assertThat(app.certificate().getSubjectAlternativeNames().toString())
                    .doesNotContain("login.microsoftonline.com")
                    .contains("tenantry.test");
            assertThat(get(trustingCa, app.port(), "localhost", "localhost", "/health"))
                    .startsWith("HTTP/1.1 200");
        }
    }

    @Test
    @DisplayName(
            "issue 12: 'trust --apply' adds the CA, the variables and the hosts line once; '--remove' takes them away")
    void trustApplyIsIdempotentAndRemoveUndoesIt() throws Exception {
        Path data = temp.resolve("data");
        Path root = temp.resolve("root");
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/hosts"), "127.0.0.1 localhost\n::1 localhost\n");
        assertThat(run("cert", "ca", "--data", data.toString())).isZero();

        assertThat(run("trust", "--data", data.toString()))
                .as(console::captured)
                .isZero();
        String printed = console.out();
        assertThat(printed)
                .contains("/usr/local/share/ca-certificates/tenantry.crt && sudo update-ca-certificates")
                .contains("-Djavax.net.ssl.trustStore=" + data.toAbsolutePath().resolve("tls/truststore.p12"))
                .contains("export REQUESTS_CA_BUNDLE=")
                .contains("export NODE_EXTRA_CA_CERTS=")
                .contains("export SSL_CERT_FILE=")
                .contains("127.0.0.1 login.microsoftonline.com graph.microsoft.com management.azure.com"
                        + " management.core.windows.net # tenantry");
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(data.resolve("tls/truststore.p12"))) {
            store.load(in, "changeit".toCharArray());
        }
        assertThat(store.getCertificate("tenantry-ca")).isNotNull();

        String[] apply = {"trust", "--apply", "--data", data.toString(), "--root", root.toString()};
        assertThat(run(apply)).as(console::captured).isZero();
        assertThat(run(apply)).as(console::captured).isZero();

        assertThat(console.out()).contains("Already trusted: nothing changed.");
        assertThat(Files.readString(root.resolve("usr/local/share/ca-certificates/tenantry.crt")))
                .isEqualTo(Files.readString(data.resolve("tls/ca.pem")));
        KeyStore system = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(root.resolve("usr/local/share/tenantry/truststore.p12"))) {
            system.load(in, "changeit".toCharArray());
        }
        assertThat(system.getCertificate("tenantry-ca")).isEqualTo(store.getCertificate("tenantry-ca"));
        assertThat(PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(root.resolve("usr/local/share/tenantry/truststore.p12"))))
                .isEqualTo("rw-r--r--");
        assertThat(console.out()).contains("-Djavax.net.ssl.trustStore=/usr/local/share/tenantry/truststore.p12");
        assertThat(Files.readString(root.resolve("etc/profile.d/tenantry.sh")))
                .contains("export REQUESTS_CA_BUNDLE=/etc/ssl/certs/ca-certificates.crt");
        assertThat(Files.readAllLines(root.resolve("etc/hosts")))
                .containsExactly(
                        "127.0.0.1 localhost",
                        "::1 localhost",
                        "127.0.0.1 login.microsoftonline.com graph.microsoft.com management.azure.com"
                                + " management.core.windows.net # tenantry");

        assertThat(run("trust", "--remove", "--root", root.toString()))
                .as(console::captured)
                .isZero();

        assertThat(root.resolve("usr/local/share/ca-certificates/tenantry.crt")).doesNotExist();
        assertThat(root.resolve("etc/profile.d/tenantry.sh")).doesNotExist();
        assertThat(root.resolve("usr/local/share/tenantry")).doesNotExist();
        assertThat(Files.readAllLines(root.resolve("etc/hosts")))
                .containsExactly("127.0.0.1 localhost", "::1 localhost");
    }

    @Test
    @DisplayName("issue 12: 'trust --apply' and '--remove' refuse to run as anyone but root, and say what to do")
    void applyNeedsRoot() throws Exception {
        List<String> command = new ArrayList<>();
        if (isRoot()) {
            Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "skipped: no setpriv to drop root");
            command.addAll(List.of("/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"));
        }
        command.addAll(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                ServerProcess.jar().toAbsolutePath().toString(),
                "trust"));
        for (String option : List.of("--apply", "--remove")) {
            List<String> run = new ArrayList<>(command);
            run.add(option);
            Process process = new ProcessBuilder(run).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

            assertThat(process.exitValue()).as(output).isEqualTo(1);
            assertThat(output)
                    .contains("root_required: 'tenantry trust " + option + "'")
                    .contains("sudo");
        }
    }

    private static boolean isRoot() throws IOException {
        return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
    }

    @Test
    void trustWithoutACaSaysToMakeOne() {
        assertThat(run("trust", "--data", temp.resolve("none").toString())).isEqualTo(1);
        assertThat(console.err()).contains("run 'tenantry cert ca' first");
        assertThat(run("cert", "export", "--ca", "--data", temp.resolve("none").toString()))
                .isEqualTo(1);
    }

    /** A raw HTTPS GET to 127.0.0.1 that verifies the certificate for {@code serverName} and sends {@code host}. */
    private static String get(SSLContext tls, int port, String serverName, String host, String path)
            throws IOException {
        try (Socket plain = new Socket(java.net.InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port);
                SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(plain, serverName, port, true)) {
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(parameters);
            OutputStream request = socket.getOutputStream();
            request.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            request.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static SSLContext trusting(String pem) throws Exception {
        return Tls.trusting((X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))));
    }

    private static int run(String... args) {
        return TenantryCli.run(Map.of(), args);
    }
}
