package dev.tenantry.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.tenantry.shared.InvalidRequestException;
import io.javalin.http.Context;
import java.io.UncheckedIOException;

/**
 * Reads a request's JSON body as one object of a wire type. An empty body, {@code null}, an array or a bare value is
 * refused with a 400 that says what was sent and what to send, so no handler ever sees a null body.
 */
public final class JsonBody {

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private JsonBody() {}

    /** The body as {@code type}; it must be a JSON object. */
    public static <T> T read(Context ctx, Class<T> type) {
        String body = ctx.body();
        if (body.isBlank()) {
            throw new InvalidRequestException(
                    WebError.MISSING_BODY, "Send a JSON object as the body, with Content-Type: application/json.");
        }
        return object(ctx, body, type);
    }

    /** The body as {@code type}, or {@code empty} when there is no body at all. */
    public static <T> T readOrElse(Context ctx, Class<T> type, T empty) {
        String body = ctx.body();
        return body.isBlank() ? empty : object(ctx, body, type);
    }

    private static <T> T object(Context ctx, String body, Class<T> type) {
        JsonNode node = tree(body);
        if (!node.isObject()) {
            throw new InvalidRequestException(
                    WebError.MALFORMED_BODY,
                    "The body is " + kind(node) + "; send a JSON object ({\"name\": value, …}) instead.");
        }
        if (holdsNul(node)) {
            throw FormBody.nul("The JSON body");
        }
        return ctx.jsonMapper().fromJsonString(body, type);
    }

    /** The body as a tree; anything after the first JSON value ({@code {…}x}) is malformed JSON, not ignored. */
    private static JsonNode tree(String body) {
        try {
            return STRICT.readTree(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e); // Failures answers 400 with JsonProblems' description of the cause
        }
    }

    /** Whether any name or text value in the tree holds U+0000 (PostgreSQL cannot store it in text). */
    private static boolean holdsNul(JsonNode node) {
        if (node.isTextual()) {
            return node.textValue().indexOf('\u0000') >= 0;
        }
        var names = node.fieldNames();
        while (names.hasNext()) {
            if (names.next().indexOf('\u0000') >= 0) {
                return true;
            }
        }
        for (JsonNode child : node) {
            if (holdsNul(child)) {
                return true;
            }
        }
        return false;
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case NULL -> "JSON null";
            case ARRAY -> "a JSON array";
            case STRING -> "a JSON string";
            case NUMBER -> "a JSON number";
            case BOOLEAN -> "a JSON boolean";
            default -> "not a JSON object";
        };
    }
}
