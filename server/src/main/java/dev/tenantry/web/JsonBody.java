package dev.tenantry.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.tenantry.shared.InvalidRequestException;
import io.javalin.http.Context;
import java.io.UncheckedIOException;

/**
 * Reads a request's JSON body as one object of a wire type. An empty body, {@code null}, an array or a bare value is
 * refused with a 400 that says what was sent and what to send, so no handler ever sees a null body. Scalars are
 * strict (issue 12): a number or a boolean where a string is expected, a string where a number or a boolean is, a
 * number where a boolean is, or a fraction where a whole number is, is a 400 naming the field — never read as
 * {@code "42"}, {@code true} or {@code 1}, as Graph and ARM refuse them.
 */
public final class JsonBody {

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** Binds an object body to a wire type with no scalar coercion; modules as Javalin's mapper finds them. */
    private static final ObjectMapper BINDER = JsonMapper.builder()
            .findAndAddModules()
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .withCoercionConfig(
                    LogicalType.Textual, config -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .withCoercionConfig(
                    LogicalType.Boolean, config -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
            .withCoercionConfig(
                    LogicalType.Integer, config -> config.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .withCoercionConfig(
                    LogicalType.Float, config -> config.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .build();

    private JsonBody() {}

    /** The body as {@code type}; it must be a JSON object. */
    public static <T> T read(Context ctx, Class<T> type) {
        String body = ctx.body();
        if (body.isBlank()) {
            throw new InvalidRequestException(
                    WebError.MISSING_BODY, "Send a JSON object as the body, with Content-Type: application/json.");
        }
        return object(body, type);
    }

    /** The body as {@code type}, or {@code empty} when there is no body at all. */
    public static <T> T readOrElse(Context ctx, Class<T> type, T empty) {
        String body = ctx.body();
        return body.isBlank() ? empty : object(body, type);
    }

    private static <T> T object(String body, Class<T> type) {
        JsonNode node = tree(body);
        if (!node.isObject()) {
            throw new InvalidRequestException(
                    WebError.MALFORMED_BODY,
                    "The body is " + kind(node) + "; send a JSON object ({\"name\": value, …}) instead.");
        }
        if (holdsNul(node)) {
            throw FormBody.nul("The JSON body");
        }
        try {
            return BINDER.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e); // Failures answers 400 with JsonProblems' description of the cause
        }
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
