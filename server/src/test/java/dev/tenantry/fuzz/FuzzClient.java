package dev.tenantry.fuzz;

import dev.tenantry.testing.RunningServer;
import dev.tenantry.testing.Tls;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/** Sends {@link FuzzInput}s: through the test server's HTTP client when it can, else byte for byte over TLS. */
final class FuzzClient {

    /** Headers Java's HTTP client refuses to set. */
    private static final Set<String> RESTRICTED = Set.of("host", "connection", "content-length", "expect", "upgrade");

    private final RunningServer server;
    private final SSLSocketFactory sockets;

    FuzzClient(RunningServer server) {
        this.server = server;
        this.sockets = Tls.trusting(server.app().certificate()).getSocketFactory();
    }

    /** The status, with {@code |Retry-After} appended when the answer carries one; 0 when no status came back. */
    Outcome send(FuzzInput input) {
        try {
            if (input.raw() || !clientCanSend(input)) {
                return raw(input);
            }
            try {
                return client(input);
            } catch (IOException e) { // a pooled connection the server had closed: once more on a fresh one
                return raw(input);
            }
        } catch (IOException e) {
            return new Outcome(0, false, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** A status, whether it came with Retry-After, and for a failed exchange what went wrong. */
    record Outcome(int status, boolean retryAfter, String problem) {}

    private boolean clientCanSend(FuzzInput input) {
        try {
            URI.create(server.baseUrl() + input.target());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return input.headers().stream().noneMatch(h -> RESTRICTED.contains(h[0].toLowerCase(java.util.Locale.ROOT)));
    }

    private Outcome client(FuzzInput input) throws IOException {
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(server.baseUrl() + input.target()))
                    .timeout(Duration.ofSeconds(60))
                    .method(input.method(), HttpRequest.BodyPublishers.ofByteArray(input.body()));
            for (String[] header : input.headers()) {
                request.header(header[0], header[1]);
            }
        } catch (IllegalArgumentException e) { // a header name or value the client will not send
            return raw(input);
        }
        try {
            HttpResponse<String> response = server.http().send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Outcome(
                    response.statusCode(),
                    response.headers().firstValue("Retry-After").isPresent(),
                    response.statusCode() >= 500 ? "answered " + response.body() : null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /**
     * Sends {@code input} over a raw TLS socket. A connection that ends before any byte is sent once more: on a loaded
     * two-core machine Jetty has been seen (once in CI, never alone) closing an odd-path request's connection before
     * its 400 reached the client; an answer missing twice is a failure.
     */
    private Outcome raw(FuzzInput input) throws IOException {
        Outcome first;
        try {
            first = rawOnce(input);
        } catch (IOException e) {
            // the server answered early and closed while the request was still being written: the failed write
            // closes the SSLSocket, which then cannot read the answer ("Socket is closed"); once more on a fresh one
            return rawOnce(input);
        }
        return first.status() == 0 && first.problem() != null && first.problem().endsWith(": null")
                ? rawOnce(input)
                : first;
    }

    private Outcome rawOnce(FuzzInput input) throws IOException {
        try (SSLSocket socket =
                (SSLSocket) sockets.createSocket("localhost", server.app().port())) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            StringBuilder head =
                    new StringBuilder(input.method() + " " + FuzzRequests.sanitize(input.target()) + " HTTP/1.1\r\n");
            boolean host = false;
            boolean length = false;
            for (String[] header : input.headers()) {
                host |= header[0].equalsIgnoreCase("host");
                length |= header[0].equalsIgnoreCase("content-length");
                head.append(FuzzRequests.sanitize(header[0]))
                        .append(": ")
                        .append(FuzzRequests.sanitize(header[1]))
                        .append("\r\n");
            }
            if (!host) {
                head.append("Host: localhost:").append(server.app().port()).append("\r\n");
            }
            if (!length && input.body().length > 0) {
                head.append("Content-Length: ").append(input.body().length).append("\r\n");
            }
            head.append("Connection: close\r\n\r\n");
            IOException unsent = null;
            try {
                out.write(head.toString().getBytes(StandardCharsets.UTF_8));
                out.write(input.body());
                out.flush();
            } catch (IOException e) { // the server may have answered (414, 431, 413) and closed before reading all
                unsent = e;
            }
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            String status;
            try {
                status = in.readLine();
            } catch (IOException e) {
                throw unsent != null ? unsent : e;
            }
            if (status == null || !status.startsWith("HTTP/1.1 ") || status.length() < 12) {
                return new Outcome(0, false, "no status line: " + status);
            }
            boolean retryAfter = false;
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                retryAfter |= line.regionMatches(true, 0, "Retry-After:", 0, 12);
            }
            return new Outcome(Integer.parseInt(status.substring(9, 12)), retryAfter, null);
        }
    }
}
