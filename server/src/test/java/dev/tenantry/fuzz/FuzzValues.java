package dev.tenantry.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/** Random values that find edges: column-sized and lower-casing strings, odd Unicode, JSON of every shape and type. */
final class FuzzValues {

    /** Lengths around every column size in the migrations. */
    private static final int[] BOUNDARIES = {
        0, 1, 2, 3, 4, 5, 16, 17, 31, 32, 33, 63, 64, 65, 89, 90, 91, 127, 128, 129, 255, 256, 257, 319, 320, 321, 511,
        512, 513, 1999, 2000, 2001, 3999, 4000, 4001, 4097, 9000
    };

    private static final String[] ODD = {
        "",
        " ",
        "  ",
        "null",
        "undefined",
        "true",
        "0",
        "-1",
        "1e999",
        "NaN",
        "İ",
        "ß",
        "ﬃ",
        "Ǆ",
        "\u0000",
        "\u0007",
        "\r\n",
        "\t",
        "%",
        "%zz",
        "%00",
        "%C3%28",
        "+",
        "&",
        "=",
        "'",
        "\"",
        "\\",
        "'; DROP TABLE tenant; --",
        "' OR '1'='1",
        "<script>alert(1)</script>",
        "{{7*7}}",
        "${jndi:ldap://x}",
        "../../etc/passwd",
        "..",
        ".",
        "/",
        "//",
        "@",
        "a@",
        "@b",
        "a@b",
        "a@b.c",
        "admin@",
        "\ud83d\ude00",
        "\ud800",
        "\udfff",
        "\u202e",
        "\ufeff",
        "\u00a0",
        "０",
        "٣",
        "2030-01-01T00:00:00Z",
        "9999-12-31T23:59:59Z",
        "-999999999-01-01T00:00:00Z",
        "not-a-date",
        "00000000-0000-0000-0000-000000000000",
        "{",
        "[",
        "}",
        ":",
        ",",
        "?",
        "#",
        "$",
        "*",
        ";",
        "|"
    };

    private static final ObjectMapper JSON = new ObjectMapper();

    final Random random;
    private final List<String> known;

    FuzzValues(Random random, List<String> known) {
        this.random = random;
        this.known = List.copyOf(known);
    }

    boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    String pick(String... items) {
        return items[random.nextInt(items.length)];
    }

    /** A string: a known good value, an odd one, a column-sized one, or random characters. */
    String string() {
        return switch (random.nextInt(6)) {
            case 0, 1 -> pick(known);
            case 2 -> pick(ODD);
            case 3 -> sized(BOUNDARIES[random.nextInt(BOUNDARIES.length)]);
            case 4 -> pick(known) + pick(ODD) + (chance(50) ? pick(known) : "");
            default -> randomText(random.nextInt(40));
        };
    }

    /** A string of {@code length} characters, sometimes of ones that grow when lower-cased or escaped. */
    String sized(int length) {
        String unit = pick("a", "İ", "é", "\"", "\\", "\n", "\ud83d\ude00", "9", " ", "%");
        StringBuilder text = new StringBuilder(length);
        while (text.length() < length) {
            text.append(unit);
        }
        return text.substring(0, length);
    }

    String randomText(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(
                    switch (random.nextInt(4)) {
                        case 0 -> (char) (0x20 + random.nextInt(0x5f));
                        case 1 -> (char) random.nextInt(0x20);
                        case 2 -> (char) (0xa0 + random.nextInt(0x2000));
                        default -> (char) random.nextInt(0x10000);
                    });
        }
        return text.toString();
    }

    /** Any JSON value, nested at most {@code depth} deep. */
    Object jsonValue(int depth) {
        int kind = random.nextInt(depth > 0 ? 12 : 9);
        return switch (kind) {
            case 0 -> null;
            case 1 -> random.nextBoolean();
            case 2 -> random.nextInt();
            case 3 -> pick(List.of(Long.MAX_VALUE, Long.MIN_VALUE, 0L, -1L, 2147483648L, 99999999999999L));
            case 4 -> pick(List.of(0.5, -0.0, 1e308, -1e308, 3.0));
            case 5, 6, 7, 8 -> string();
            case 9, 10 -> {
                Map<String, Object> object = new LinkedHashMap<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    object.put(chance(70) ? string() : randomText(5), jsonValue(depth - 1));
                }
                yield object;
            }
            default -> {
                List<Object> array = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(jsonValue(depth - 1));
                }
                yield array;
            }
        };
    }

    String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** JSON text broken the ways clients and attackers break it. */
    String brokenJson(String valid) {
        return switch (random.nextInt(12)) {
            case 0 -> valid.substring(0, random.nextInt(valid.length() + 1));
            case 1 -> "[".repeat(2000 + random.nextInt(2000)) + "]".repeat(random.nextInt(10));
            case 2 -> "{\"a\":".repeat(1500) + "1" + "}".repeat(1500);
            case 3 -> valid.replaceFirst("\\{", "{\"x\":1,\"x\":2,");
            case 4 -> "\ufeff" + valid;
            case 5 -> valid.replace('"', '\'');
            case 6 -> valid + pick(",", "}", " null", "garbage", "\u0000");
            case 7 -> "{\"n\":" + pick("1e999999", "-", "0x10", "01", "1.", "NaN", "Infinity", "9".repeat(5000)) + "}";
            case 8 -> "/*c*/" + valid;
            case 9 -> "{\"s\":\"" + pick("\\u", "\\ud800", "\\x41", "\\", "\\uZZZZ") + "\"}";
            case 10 -> "{,}";
            default -> pick("", " ", "null", "[]", "\"\"", "0", "true", "{}", "[{}]", "{\"\":null}");
        };
    }

    byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Bytes that are not UTF-8, or are by chance. */
    byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    String guid() {
        return chance(80) ? new UUID(random.nextLong(), random.nextLong()).toString() : string();
    }
}
