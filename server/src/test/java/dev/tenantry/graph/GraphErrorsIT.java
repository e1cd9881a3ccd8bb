package dev.tenantry.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.testing.RunningServer;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GraphErrorsIT {

    @RegisterExtension
    static final RunningServer server = new RunningServer();

    @Test
    void unknownGraphPathIsAGraphNotFoundAsPlainJson() {
        HttpResponse<String> response = server.send(server.request("/v1.0/nothingHere")
                .header("client-request-id", "abc-123")
                .GET()
                .build());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body())
                .contains("\"code\":\"Request_ResourceNotFound\"")
                .contains("\"innerError\":{\"date\":")
                .contains("\"client-request-id\":\"abc-123\"");
    }

    @Test
    void missingTokenIsInvalidAuthenticationToken() {
        HttpResponse<String> response = server.get("/v1.0/users");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("\"code\":\"InvalidAuthenticationToken\"");
    }

    @Test
    void nativeApiKeepsProblemJson() {
        HttpResponse<String> response = server.get("/api/nothing-here");

        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }
}
