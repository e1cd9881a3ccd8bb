package dev.tenantry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.app.TenantryApp;
import dev.tenantry.app.TenantryConfig;
import dev.tenantry.testing.ServerProcess;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tenantry serve} owns its JVM and makes ACCP its first provider (issue 13): its TLS (an ECDSA certificate,
 * ECDHE, AES-GCM), password hashing, sealing of secrets and token signing run there, and what it stored reads back in
 * a JVM on the JDK's own providers.
 */
class ServeProvidersIT {

    @TempDir
    Path data;

    @Test
    void servesOnAccpFirstAndWhatItStoresReadsBackOnTheJdksProviders() throws Exception {
        try (ServerProcess server = ServerProcess.start(data, Map.of())) {
            String accp = "run on the AmazonCorrettoCryptoProvider first";
            assertThat(server.stderrOnce(accp, Duration.ofSeconds(10))).contains(accp);
            assertThat(server.get("/health").statusCode()).isEqualTo(200);
            HttpResponse<String> signUp = server.postJson("/api/signups", """
                    {"organization":"Providers Ltd","domainPrefix":"providers","countryCode":"US",
                     "admin":{"displayName":"Kelley Wall","userName":"admin","password":"Tenantry!2026"},
                     "product":"O365_BUSINESS_ESSENTIALS"}
                    """);
            assertThat(signUp.statusCode()).as(signUp.body()).isEqualTo(201);
        }
        try (TenantryApp restarted =
                TenantryApp.start(TenantryConfig.defaults().withPort(0).withDataDir(data))) {
            assertThat(restarted.services().tenants().isDomainAvailable("providers"))
                    .isFalse();
        }
    }
}
