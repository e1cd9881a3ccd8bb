package dev.tenantry.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.testing.RunningServer;
import dev.tenantry.testing.Tls;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What any client sees of the HTTPS listener itself: cipher suites, headers and Jetty's own error answers. */
class HttpsHardeningIT {

    @RegisterExtension
    static final RunningServer server = new RunningServer();

    @Test
    @DisplayName("issue 7 (low): every answer carries Strict-Transport-Security, JSON and pages alike")
    void everyAnswerCarriesHsts() {
        for (String path : List.of("/health", "/", "/api/nothing-here", "/static/tenantry.css")) {
            HttpResponse<String> answer = server.get(path);
            assertThat(answer.headers().firstValue("Strict-Transport-Security"))
                    .as(path)
                    .hasValue("max-age=31536000");
            assertThat(answer.headers().firstValue("X-Content-Type-Options"))
                    .as(path)
                    .hasValue("nosniff");
        }
        assertThat(server.get("/").headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("style-src 'self'"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"400 bad request", "414 URI too long", "431 headers too large", "400 ambiguous path"})
    @DisplayName("issue 7 (low): Jetty's own error answers carry CSP, X-Frame-Options DENY, nosniff and HSTS")
    void jettyErrorPagesCarryTheSecurityHeaders(String kind) throws IOException {
        String request =
                switch (kind.substring(0, 3)) {
                    case "414" -> "GET /" + "a".repeat(9_000) + " HTTP/1.1\r\nHost: localhost\r\n";
                    case "431" -> "GET /health HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "b".repeat(9_000) + "\r\n";
                    default ->
                        kind.contains("ambiguous")
                                ? "GET //%2e%2e/x HTTP/1.1\r\nHost: localhost\r\n"
                                : "GET /health HTTP/1.1\r\nHost: localhost\r\nBad Header\r\n";
                };

        String head = raw(request + "Connection: close\r\n\r\n");

        assertThat(head).startsWith("HTTP/1.1 " + kind.substring(0, 3));
        assertSecurityHeaders(head);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"//../x", "//a/../../x", "//./../health", "/x//../../y"})
    @DisplayName("issue 7 (low): a path with // that climbs above the root is a 400 with the security headers")
    void dotSegmentsAboveTheRootAreABadRequest(String path) throws IOException {
        String head = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(head).startsWith("HTTP/1.1 400");
        assertThat(head).doesNotContain("Exception");
        assertSecurityHeaders(head);
    }

    @Test
    @DisplayName("issue 7 (low): double-slash paths with harmless dot segments still reach their route")
    void doubleSlashWithDotSegmentsStillWorks() {
        assertThat(server.get("//./health").statusCode()).isEqualTo(200);
        assertThat(server.get("//api/..//health").statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("issue 7 (low): TLS 1.2 offers only ECDHE suites with GCM or ChaCha20-Poly1305, never CBC")
    void tls12OffersOnlyAeadEcdheSuites() throws Exception {
        SSLContext context = Tls.trusting(server.app().certificate());
        List<String> accepted = new ArrayList<>();
        for (String suite : context.getSupportedSSLParameters().getCipherSuites()) {
            if (suite.startsWith("TLS_") && !suite.contains("SCSV") && handshakes(context, "TLSv1.2", suite)) {
                accepted.add(suite);
            }
        }

        assertThat(accepted).isNotEmpty().allSatisfy(suite -> assertThat(suite)
                .startsWith("TLS_ECDHE_")
                .matches(".*_(GCM_SHA256|GCM_SHA384|CHACHA20_POLY1305_SHA256)$"));
        assertThat(handshakes(context, "TLSv1.3", "TLS_AES_128_GCM_SHA256")).isTrue();
    }

    private static boolean handshakes(SSLContext context, String protocol, String suite) throws IOException {
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory()
                .createSocket("localhost", server.app().port())) {
            socket.setEnabledProtocols(new String[] {protocol});
            socket.setEnabledCipherSuites(new String[] {suite});
            socket.setSoTimeout(10_000);
            socket.startHandshake();
            return true;
        } catch (SSLException refused) {
            return false;
        }
    }

    private static void assertSecurityHeaders(String head) {
        String lower = head.toLowerCase(Locale.ROOT);
        assertThat(lower)
                .contains("\r\nstrict-transport-security: max-age=31536000")
                .contains("\r\nx-content-type-options: nosniff")
                .contains("\r\nx-frame-options: deny")
                .contains("\r\ncontent-security-policy: default-src 'none'");
    }

    /** Sends {@code request} as raw bytes over TLS and returns the status line and headers of the answer. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/store/cloud/signup", "/", "/common/v2.0/.well-known/openid-configuration", "/health"})
    @DisplayName("issue 13: answers of every size arrive whole through Javalin's 4 KB copy buffer, gzip when asked")
    void answersArriveWholeAndGzipFromJavalinsThreshold(String path) throws Exception {
        HttpResponse<byte[]> plain =
                server.http().send(server.request(path).build(), HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> zipped = server.http()
                .send(
                        server.request(path).header("Accept-Encoding", "gzip").build(),
                        HttpResponse.BodyHandlers.ofByteArray());

        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        int length = plain.body().length;
        if (length < 1500) { // Javalin compresses from 1 500 bytes, decided on the first write of the copy
            assertThat(zipped.headers().firstValue("Content-Encoding")).isEmpty();
            assertThat(zipped.body()).isEqualTo(plain.body());
        } else {
            assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
            try (InputStream unzipped = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
                // a form carries a fresh CSRF token each time: the same length, the same end
                byte[] body = unzipped.readAllBytes();
                assertThat(body).hasSameSizeAs(plain.body());
                assertThat(Arrays.copyOfRange(body, length - 100, length))
                        .isEqualTo(Arrays.copyOfRange(plain.body(), length - 100, length));
            }
        }
        if (path.equals("/store/cloud/signup")) {
            assertThat(length).isGreaterThan(2 * HttpsServer.RESPONSE_COPY_BUFFER); // copied in several writes
        } else if (path.equals("/")) {
            assertThat(length).isBetween(1500, HttpsServer.RESPONSE_COPY_BUFFER); // one write, compressed
        }
    }

    private static String raw(String request) throws IOException {
        SSLContext context = Tls.trusting(server.app().certificate());
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory()
                .createSocket("localhost", server.app().port())) {
            socket.setSoTimeout(15_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != -1) {
                head.write(b);
                if (head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                    break;
                }
            }
            return head.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
