package dev.tenantry.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.util.List;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@link Failures} answers a database race as {@link DatabaseRaces} reads it, over real HTTP. */
class DatabaseRacesHttpTest {

    private static Javalin app;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        app = LoopbackHttpServer.create(0, cfg -> {
                    new Failures(List.of(new ProblemRenderer())).register(cfg.routes);
                    cfg.routes.get("/deadlock", ctx -> {
                        throw failed("40P01");
                    });
                    cfg.routes.get("/deleted-meanwhile", ctx -> {
                        throw failed("23503");
                    });
                    cfg.routes.get("/missing-validation", ctx -> {
                        throw failed("23502");
                    });
                })
                .start();
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    @Test
    @DisplayName("issue 7.5: a deadlock is answered 503 with Retry-After and database_busy")
    void deadlockIsBusy() throws Exception {
        HttpResponse<String> response = get("/deadlock");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).contains("1");
        assertThat(response.body()).contains("\"code\":\"database_busy\"").doesNotContain("reason");
    }

    @Test
    @DisplayName("issue 7.5: a row deleted by a concurrent request is a 409 concurrent_change")
    void foreignKeyRaceIsAConflict() throws Exception {
        HttpResponse<String> response = get("/deleted-meanwhile");

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.body()).contains("\"code\":\"concurrent_change\"");
    }

    @Test
    @DisplayName("a not-null violation is a fault: 500, and the SQL's message is never shown")
    void otherConstraintsAreFaults() throws Exception {
        HttpResponse<String> response = get("/missing-validation");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("internal_error").doesNotContain("reason");
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + LoopbackHttpServer.boundPort(app) + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static RuntimeException failed(String state) {
        return new UnableToExecuteStatementException(new SQLException("reason with a bound value", state), null);
    }
}
