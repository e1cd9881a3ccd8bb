package dev.tenantry.cli;

import dev.tenantry.app.testmode.SeedException;
import dev.tenantry.app.testmode.SeedFile;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tenantry seed …}: seed files for a server in test mode (issue 14). */
@Command(
        name = "seed",
        mixinStandardHelpOptions = true,
        description = "Seed files (YAML or JSON) for a server in test mode.",
        subcommands = {SeedCommands.Load.class})
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

        @Option(
                names = "--url",
                paramLabel = "URL",
                description = "The server's URL. Default: https://localhost:8443; its certificate is read from the data"
                        + " directory")
        String url = "https://localhost:8443";

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
            HttpClient http = HttpClient.newBuilder()
                    .sslContext(trusting(config().certificateFile()))
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(url.replaceAll("/+$", "") + "/_tenantry/seed?format=" + format))
                            .header("Content-Type", "application/" + format)
                            .POST(HttpRequest.BodyPublishers.ofString(text))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 404) {
                System.err.println("not_test_mode: " + url + " is not a server in test mode (start it with"
                        + " 'tenantry serve --test-mode')");
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
