package dev.tenantry.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One generated request: its family, method, raw request target (path and query, possibly not a valid URI), headers in
 * order and body bytes. {@code raw} sends it over a plain TLS socket, byte for byte, where Java's HTTP client would
 * refuse or rewrite it (an invalid URI, a {@code Host} or {@code Content-Length} header).
 */
final class FuzzInput {

    private final String family;
    private final String method;
    private final String target;
    private final List<String[]> headers;
    private final byte[] body;
    private final boolean raw;

    FuzzInput(String family, String method, String target, List<String[]> headers, byte[] body, boolean raw) {
        this.family = family;
        this.method = method;
        this.target = target;
        this.headers = List.copyOf(headers);
        this.body = body.clone();
        this.raw = raw;
    }

    String family() {
        return family;
    }

    String method() {
        return method;
    }

    String target() {
        return target;
    }

    List<String[]> headers() {
        return headers;
    }

    byte[] body() {
        return body.clone();
    }

    boolean raw() {
        return raw;
    }

    /** What a failure report shows: enough to replay the request by hand. */
    String describe() {
        StringBuilder text = new StringBuilder(family + ": " + method + " " + clip(target, 300));
        for (String[] header : headers) {
            text.append("\n    ").append(header[0]).append(": ").append(clip(header[1], 200));
        }
        if (body.length > 0) {
            text.append("\n    body (")
                    .append(body.length)
                    .append(" bytes): ")
                    .append(clip(new String(body, StandardCharsets.UTF_8), 2000));
        }
        return text.toString();
    }

    private static String clip(String text, int max) {
        String line = FuzzRequests.sanitize(text);
        return line.length() <= max ? line : line.substring(0, max) + "…";
    }
}
