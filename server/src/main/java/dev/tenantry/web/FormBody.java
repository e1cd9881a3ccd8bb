package dev.tenantry.web;

import dev.tenantry.shared.InvalidRequestException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A request's {@code application/x-www-form-urlencoded} body, read strictly: a bad {@code %} escape, bytes that are
 * not UTF-8 or a multipart body are refused with a 400 {@code invalid_request} before any handler reads a field, so
 * no handler sees a half-read form. Handlers may use Javalin's form parameters or {@link #of} once this has run.
 */
public final class FormBody {

    public static final String MEDIA_TYPE = "application/x-www-form-urlencoded";

    private static final String ATTRIBUTE = "tenantry.form";

    private final Map<String, List<String>> fields;

    private FormBody(Map<String, List<String>> fields) {
        this.fields = fields;
    }

    /**
     * Checks every request's Content-Type and, for a form, its body: an unknown charset, a multipart body (no route
     * reads one) or a form that cannot be decoded is refused here, before anything reads the body.
     */
    public static void register(RoutesConfig routes) {
        routes.before(ctx -> {
            String query = ctx.queryString();
            if (query != null && query.contains("%00")) {
                throw nul("The query string");
            }
            String charset = charset(ctx.header("Content-Type"));
            if (charset != null && !supported(charset)) {
                throw new InvalidRequestException(
                        WebError.INVALID_REQUEST, "The charset '" + charset + "' is not supported; send UTF-8.");
            }
            String media = mediaType(ctx);
            if (media.startsWith("multipart/")) {
                throw new InvalidRequestException(
                        WebError.INVALID_REQUEST,
                        "Multipart bodies are not accepted; send the fields as " + MEDIA_TYPE + ".");
            }
            if (media.equals(MEDIA_TYPE) && !ctx.method().equals(HandlerType.GET)) {
                of(ctx);
            }
        });
    }

    /** The form of this request; it must be sent as {@value #MEDIA_TYPE}. */
    public static FormBody of(Context ctx) {
        FormBody cached = ctx.attribute(ATTRIBUTE);
        if (cached != null) {
            return cached;
        }
        if (!mediaType(ctx).equals(MEDIA_TYPE)) {
            throw new InvalidRequestException(
                    WebError.INVALID_REQUEST, "Send the request body as " + MEDIA_TYPE + " (RFC 6749 §4).");
        }
        FormBody form = new FormBody(parse(ctx.body()));
        ctx.attribute(ATTRIBUTE, form);
        return form;
    }

    /** The form of this request when something has read it already, else null; never reads the body. */
    public static FormBody ifRead(Context ctx) {
        return ctx.attribute(ATTRIBUTE);
    }

    /**
     * The form of this request, also when it comes without a Content-Type: MSAL4J's device code request, sent through
     * azure-core's HTTP client, has none (HttpsURLConnection used to add it), and Entra reads it as a form.
     */
    public static FormBody ofUntyped(Context ctx) {
        if (mediaType(ctx).isEmpty() && ctx.attribute(ATTRIBUTE) == null) {
            FormBody form = new FormBody(parse(ctx.body()));
            ctx.attribute(ATTRIBUTE, form);
            return form;
        }
        return of(ctx);
    }

    /** The value of {@code name}, or null; a field sent more than once is refused (RFC 6749 §3.2). */
    public String single(String name) {
        List<String> values = fields.get(name);
        if (values == null) {
            return null;
        }
        if (values.size() > 1) {
            throw new InvalidRequestException(
                    WebError.INVALID_REQUEST, "The parameter '" + name + "' was sent more than once; send it once.");
        }
        return values.get(0);
    }

    /** Every field name and its values, in the order sent. */
    public Map<String, List<String>> fields() {
        return fields;
    }

    static Map<String, List<String>> parse(String body) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        if (body == null || body.isEmpty()) {
            return fields;
        }
        for (String pair : body.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            fields.computeIfAbsent(name, ignored -> new ArrayList<>()).add(value);
        }
        fields.replaceAll((name, values) -> List.copyOf(values));
        return fields;
    }

    /** Decodes one form component: {@code +} is a space, {@code %XX} a byte, and the bytes must be UTF-8. */
    public static String decode(String text) {
        if (text.indexOf('%') < 0 && text.indexOf('+') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length() || hex(text.charAt(i + 1)) < 0 || hex(text.charAt(i + 2)) < 0) {
                    throw malformed("'%' must be followed by two hexadecimal digits");
                }
                bytes.write(hex(text.charAt(i + 1)) * 16 + hex(text.charAt(i + 2)));
                i += 2;
                continue;
            }
            flush(bytes, out);
            out.append(c == '+' ? ' ' : c);
        }
        flush(bytes, out);
        if (out.indexOf("\u0000") >= 0) {
            throw nul("A form field");
        }
        return out.toString();
    }

    /**
     * The refusal of text holding the NUL character, which no field of a directory may hold and PostgreSQL cannot
     * store: a 400, never a database error.
     */
    public static InvalidRequestException nul(String where) {
        return new InvalidRequestException(
                WebError.INVALID_REQUEST,
                where + " holds the NUL character (%00 or \\u0000), which no text here may contain; remove it.");
    }

    private static void flush(ByteArrayOutputStream bytes, StringBuilder out) {
        if (bytes.size() == 0) {
            return;
        }
        out.append(utf8(bytes.toByteArray()));
        bytes.reset();
    }

    /** {@code bytes} as UTF-8 text, or an {@link InvalidRequestException} when they are not UTF-8. */
    public static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw malformed("the escaped bytes are not UTF-8");
        }
    }

    /** The value of an ASCII hexadecimal digit, or -1 (Character.digit would take other scripts' digits too). */
    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        char lower = Character.toLowerCase(c);
        return lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
    }

    private static InvalidRequestException malformed(String problem) {
        return new InvalidRequestException(
                WebError.INVALID_REQUEST,
                "The form body cannot be read: " + problem + " (percent-encode it as UTF-8).");
    }

    /** The media type, lower-cased; read from the header, as the servlet's parsed one fails on an unknown charset. */
    private static String mediaType(Context ctx) {
        String type = ctx.header("Content-Type");
        if (type == null) {
            return "";
        }
        int semicolon = type.indexOf(';');
        return (semicolon < 0 ? type : type.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    private static String charset(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String parameter : contentType.split(";", -1)) {
            int equals = parameter.indexOf('=');
            if (equals > 0 && parameter.substring(0, equals).strip().equalsIgnoreCase("charset")) {
                return parameter.substring(equals + 1).strip().replace("\"", "");
            }
        }
        return null;
    }

    private static boolean supported(String charset) {
        try {
            return Charset.isSupported(charset);
        } catch (IllegalArgumentException e) { // an illegal name
            return false;
        }
    }
}
