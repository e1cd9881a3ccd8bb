package dev.tenantry.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.testing.RunningServer;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ServerStartIT {

    @RegisterExtension
    static final RunningServer server = new RunningServer();

    @Test
    void servesHttpsWithCertificateForLocalNames() throws Exception {
        HttpResponse<String> health = server.get("/health");

        assertThat(health.statusCode()).isEqualTo(200);
        List<String> names = server.app().certificate().getSubjectAlternativeNames().stream()
                .map(entry -> String.valueOf(entry.get(1)))
                .toList();
        assertThat(names).contains("localhost", "127.0.0.1", "0:0:0:0:0:0:0:1");
    }

    @Test
    void keepsItsCertificateAndDatabaseInTheDataDirectory() {
        var before = server.app().certificate();

        server.restart();

        assertThat(server.app().certificate()).isEqualTo(before);
        if (System.getenv("TENANTRY_TEST_PG_URL") == null) {
            assertThat(Files.exists(server.dataDir().resolve("tenantry.mv.db"))).isTrue();
        }
        assertThat(Files.exists(server.dataDir().resolve("tls/server.key"))).isTrue();
    }

    @Test
    void unknownPathIsAProblemNotFound() {
        HttpResponse<String> response = server.get("/api/nothing-here");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"code\":\"not_found\"");
    }

    @Test
    void acceptsDoubleSlashPathsAsTheArmSdkSendsThem() {
        HttpResponse<String> response = server.get("//health");

        assertThat(response.statusCode()).isEqualTo(200);
    }
}
