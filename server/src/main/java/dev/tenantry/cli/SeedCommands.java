package dev.tenantry.cli;

import dev.tenantry.app.testmode.SeedException;
import dev.tenantry.app.testmode.SeedFile;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tenantry seed …}: seed files for a server in test mode (issue 14). */
@Command(
        name = "seed",
        mixinStandardHelpOptions = true,
        description = "Seed files (YAML or JSON) for a server in test mode.",
        subcommands = {SeedCommands.Load.class, SeedCommands.Export.class})
final class SeedCommands {

    /** {@code tenantry seed load FILE}: checks the file, then loads it into a running test-mode server. */
    @Command(
            name = "load",
            mixinStandardHelpOptions = true,
            description = "Load a seed file into a running server in test mode (all of it, or nothing), and print the"
                    + " ids and secrets it made.")
    static final class Load extends DataCommand {

        @Parameters(paramLabel = "FILE", description = "The seed file (.yaml, .yml or .json)")
        Path file;

        @Mixin
        ServerUrl server;

        @Override
        public Integer call() throws IOException, InterruptedException {
            String text;
            try {
                text = SeedFile.read(file).text();
            } catch (SeedException e) {
                System.err.println("invalid_seed: " + e.getMessage());
                return 2;
            }
            String format = file.toString().toLowerCase(Locale.ROOT).endsWith(".json") ? "json" : "yaml";
            HttpResponse<String> response = client(config().certificateFile())
                    .send(
                            HttpRequest.newBuilder(URI.create(base(server.url) + "/_tenantry/seed?format=" + format))
                                    .header("Content-Type", "application/" + format)
                                    .POST(HttpRequest.BodyPublishers.ofString(text))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 404) {
                System.err.println(notTestMode(server.url));
                return 1;
            }
            if (response.statusCode() != 201) {
                System.err.println("refused (" + response.statusCode() + "): " + response.body());
                return 2;
            }
            System.out.println(response.body());
            return 0;
        }
    }

    /** {@code tenantry seed export}: writes a running test-mode server's directories out as a seed file. */
    @Command(
            name = "export",
            mixinStandardHelpOptions = true,
            description = "Write the directories of a running server in test mode (every one, or --tenant) as a seed"
                    + " file with every id fixed, so 'seed load' makes the same ids again. Passwords go out as their"
                    + " hashes; client secrets never (no server can read one back).")
    static final class Export extends DataCommand {

        @Option(
                names = "--tenant",
                paramLabel = "TENANT",
                description = "Only this directory: its seed name, tenant id or initial domain")
        String tenant;

        @Option(
                names = {"--output", "-o"},
                paramLabel = "FILE",
                description = "Write the seed file here (.yaml). Default: standard output")
        Path output;

        @Mixin
        ServerUrl server;

        @Override
        public Integer call() throws IOException, InterruptedException {
            String query = tenant == null ? "" : "?tenant=" + URLEncoder.encode(tenant, StandardCharsets.UTF_8);
            HttpResponse<String> response = client(config().certificateFile())
                    .send(
                            HttpRequest.newBuilder(URI.create(base(server.url) + "/_tenantry/seed/export" + query))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 404 && tenant == null) {
                System.err.println(notTestMode(server.url));
                return 1;
            }
            if (response.statusCode() != 200) {
                System.err.println("refused (" + response.statusCode() + "): " + response.body());
                return 2;
            }
            if (output == null) {
                System.out.print(response.body());
            } else {
                Files.writeString(output, response.body(), StandardCharsets.UTF_8);
                System.out.println("wrote " + output);
            }
            return 0;
        }
    }

    /** The {@code --url} of the test-mode server a command talks to. */
    static final class ServerUrl {
        @Option(
                names = "--url",
                paramLabel = "URL",
                description = "The server's URL. Default: https://localhost:8443; its certificate is read from the data"
                        + " directory")
        String url = "https://localhost:8443";
    }

    private static HttpClient client(Path certificate) {
        return HttpClient.newBuilder()
                .sslContext(trusting(certificate))
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    private static String base(String url) {
        return url.replaceAll("/+$", "");
    }

    private static String notTestMode(String url) {
        return "not_test_mode: " + url + " is not a server in test mode (start it with 'tenantry serve --test-mode')";
    }

    private static SSLContext trusting(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int index = 0;
            for (Certificate certificate :
                    CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("tenantry-" + index++, certificate);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot trust the server certificate " + pem + ": " + e.getMessage(), e);
        }
    }
}
