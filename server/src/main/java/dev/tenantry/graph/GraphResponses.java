package dev.tenantry.graph;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.tenantry.shared.AuthenticationException;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.RequestError;
import dev.tenantry.shared.TenantId;
import dev.tenantry.web.Authentication;
import dev.tenantry.web.BaseUrl;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writing Graph responses: Graph's JSON media type (P5), {@code @odata.context} and {@code @odata.nextLink}. */
final class GraphResponses {

    /** The media type Graph itself answers with; Kiota needs at least {@code application/json} (compat P5). */
    static final String CONTENT_TYPE =
            "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";

    /**
     * Writes as {@code ctx.json} does (Javalin's own mapper; a character outside the Basic Multilingual Plane as its
     * four UTF-8 bytes), leaving the response stream open for Javalin to finish.
     */
    private static final ObjectWriter STREAMING = JavalinJackson.defaultMapper()
            .writer()
            .with(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private GraphResponses() {}

    static void write(Context ctx, int status, Object body) {
        // json() sets its own content type, so Graph's is set after it
        ctx.status(status).json(body).contentType(CONTENT_TYPE);
    }

    static void ok(Context ctx, Object body) {
        write(ctx, 200, body);
    }

    /**
     * Answers 200 with {@code body} written to the connection as it is serialized, for the large pages of a list:
     * {@code ok} formats a page into a string, then bytes, then copies them to the response, about half of what a page
     * of 100 users allocates (issue 13: each young collection pauses every request in flight). The answer is
     * committed as it is written, so this is the last step of a request, after every check and every read.
     */
    static void stream(Context ctx, Object body) throws IOException {
        ctx.status(200).contentType(CONTENT_TYPE);
        STREAMING.writeValue(ctx.outputStream(), body);
    }

    static void noContent(Context ctx) {
        ctx.status(204);
    }

    /** {@code https://HOST/v1.0/$metadata#<fragment>}. */
    static String context(Context ctx, String fragment) {
        return BaseUrl.of(ctx) + "/v1.0/$metadata#" + fragment;
    }

    /** A single entity with its context, then its properties. */
    static Map<String, Object> entity(Context ctx, String fragment, Map<String, Object> properties) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("@odata.context", context(ctx, fragment));
        json.putAll(properties);
        return json;
    }

    /** A collection: context, next link when there is another page, then {@code value}. */
    static Map<String, Object> collection(Context ctx, String fragment, List<?> items, String nextLink) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("@odata.context", context(ctx, fragment));
        if (nextLink != null) {
            json.put("@odata.nextLink", nextLink);
        }
        json.put("value", items);
        return json;
    }

    /** {@code body} with {@code @odata.count} after its context, as Graph puts it when {@code $count=true}. */
    static Map<String, Object> counted(Map<String, Object> body, long count) {
        Map<String, Object> json = new LinkedHashMap<>();
        body.forEach((name, value) -> {
            json.put(name, value);
            if (name.equals("@odata.context")) {
                json.put("@odata.count", count);
            }
        });
        return json;
    }

    /** This request's absolute URL with its query options kept and {@code $skiptoken} replaced. */
    static String nextLink(Context ctx, String skipToken) {
        StringBuilder url =
                new StringBuilder(BaseUrl.of(ctx)).append(ctx.path()).append('?');
        ctx.queryParamMap().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("$skiptoken") && !name.equalsIgnoreCase("skiptoken")) {
                values.forEach(value -> url.append(encode(name))
                        .append('=')
                        .append(encode(value))
                        .append('&'));
            }
        });
        return url.append("$skiptoken=").append(encode(skipToken)).toString();
    }

    /** The directory of the caller: Graph always works on the token's own tenant. */
    static TenantId tenant(Context ctx) {
        return switch (Authentication.caller(ctx)) {
            case Caller.User user -> user.tenantId();
            case Caller.App app -> app.tenantId();
            case Caller.Operator ignored ->
                throw new AuthenticationException(
                        RequestError.MISSING_TOKEN, "Graph needs a token issued for a directory.");
        };
    }

    private static String encode(String text) {
        // keep '$' and ',' readable, as Graph's own links do; spaces as %20, not '+'
        return URLEncoder.encode(text, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("%24", "$")
                .replace("%2C", ",");
    }
}
