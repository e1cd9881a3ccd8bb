package dev.tenantry.app.testmode;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.tenantry.shared.DomainException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A parsed seed file and where each of its fields stands, so a refusal names the line and the field at fault. YAML
 * ({@code .yaml}, {@code .yml}) and JSON share one schema ({@link Seed}); unknown fields are refused.
 */
public final class SeedFile {

    private final String source;
    private final Seed seed;
    private final Map<String, Integer> lines;
    private final String text;

    private SeedFile(String source, Seed seed, Map<String, Integer> lines, String text) {
        this.source = source;
        this.seed = seed;
        this.lines = lines;
        this.text = text;
    }

    /** The file's text, as read. */
    public String text() {
        return text;
    }

    public static SeedFile read(Path file) {
        try {
            return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the seed file " + file, e);
        }
    }

    /** Parses {@code text}, YAML unless {@code source} ends with {@code .json}; a bad file is a {@link SeedException}. */
    public static SeedFile parse(String source, String text) {
        JsonFactory factory = isJson(source) ? new JsonFactory() : new YAMLFactory();
        ObjectMapper mapper = new ObjectMapper(factory)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        Map<String, Integer> lines;
        try {
            lines = lines(factory, text);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new SeedException(source, line, "", e.getOriginalMessage());
        }
        try {
            Seed seed = mapper.readValue(text, Seed.class);
            return new SeedFile(source, seed == null ? new Seed(null) : seed, lines, text);
        } catch (JsonMappingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new SeedFile(source, null, lines, text).refuse(pointerOf(e), e.getOriginalMessage(), line);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new SeedException(source, line, "", e.getOriginalMessage());
        }
    }

    private static boolean isJson(String source) {
        return source.toLowerCase(Locale.ROOT).endsWith(".json");
    }

    public Seed seed() {
        return seed;
    }

    public String source() {
        return source;
    }

    /** Runs {@code work}; a refusal of the services becomes a refusal of the field at {@code pointer} (or below it). */
    public <T> T guarded(String pointer, Supplier<T> work) {
        try {
            return work.get();
        } catch (DomainException e) {
            throw refuse(e.field().map(f -> pointer + "/" + f).orElse(pointer), e.getMessage());
        }
    }

    /** Runs {@code work}; a refusal of the services becomes a refusal of the field at {@code pointer} itself. */
    public <T> T guardedAt(String pointer, Supplier<T> work) {
        try {
            return work.get();
        } catch (DomainException e) {
            throw refuse(pointer, e.getMessage());
        }
    }

    /**
     * Like {@link #guarded}, for services that name a refused property by Graph's dotted path
     * ({@code appRoles.value}): its last part is taken under {@code pointer}, unless {@code pointer} names it already.
     */
    public <T> T guardedProperty(String pointer, Supplier<T> work) {
        try {
            return work.get();
        } catch (DomainException e) {
            String at = e.field()
                    .map(f -> f.substring(f.lastIndexOf('.') + 1))
                    .filter(last -> !(pointer + "/").contains("/" + last + "/"))
                    .map(last -> pointer + "/" + last)
                    .orElse(pointer);
            throw refuse(at, e.getMessage());
        }
    }

    /** A refusal of the field at {@code pointer} ({@code /tenants/0/users/1/password}), with its line. */
    public SeedException refuse(String pointer, String message) {
        return refuse(pointer, message, 0);
    }

    private SeedException refuse(String pointer, String message, int fallbackLine) {
        String at = pointer;
        Integer line = lines.get(at);
        while (line == null && at.lastIndexOf('/') > 0) {
            at = at.substring(0, at.lastIndexOf('/'));
            line = lines.get(at);
        }
        return new SeedException(source, line == null ? fallbackLine : line, fieldOf(pointer), message);
    }

    /** {@code /tenants/0/users/1/password} as {@code tenants[0].users[1].password}. */
    static String fieldOf(String pointer) {
        StringBuilder field = new StringBuilder();
        for (String part :
                java.util.regex.Pattern.compile("/").splitAsStream(pointer).toList()) {
            if (part.isEmpty()) {
                continue;
            }
            if (part.chars().allMatch(Character::isDigit)) {
                field.append('[').append(part).append(']');
            } else {
                field.append(field.isEmpty() ? "" : ".").append(part);
            }
        }
        return field.toString();
    }

    private static String pointerOf(JsonMappingException e) {
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                pointer.append('/').append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                pointer.append('/').append(reference.getIndex());
            }
        }
        return pointer.toString();
    }

    /** The line of every value, by its JSON pointer. */
    private static Map<String, Integer> lines(JsonFactory factory, String text) throws JsonProcessingException {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = factory.createParser(text)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token != JsonToken.FIELD_NAME && !token.isStructEnd()) {
                    lines.putIfAbsent(
                            parser.getParsingContext().pathAsPointer().toString(),
                            parser.currentTokenLocation().getLineNr());
                }
            }
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }
}
