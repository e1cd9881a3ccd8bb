package dev.tenantry.app;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code tenantry.yaml} ({@code --config FILE} or {@code TENANTRY_CONFIG}): every setting the flags and the
 * {@code TENANTRY_*} environment give, under the flag's name. It sits between the defaults and the environment:
 * flags &gt; environment &gt; file &gt; defaults. Read at start; a key it does not know, or a value of the wrong kind,
 * is an {@link IllegalArgumentException} naming the file, the line and the key.
 *
 * <pre>
 * host: 0.0.0.0
 * port: 443
 * data: /var/lib/tenantry
 * database: postgresql://tenantry:secret@db:5432/tenantry
 * db-pool-size: 32
 * public-url: https://login.example.com
 * hostnames: [graph.example.com, management.example.com]
 * log-format: json
 * metrics-token: a-long-random-string
 * drain-seconds: 20
 * managed-identity-port: 41080
 * managed-identity-resource: /subscriptions/…/resourceGroups/rg-app/providers/Tenantry.Compute/hosts/web-1
 * managed-identity-header: a-long-random-string
 * </pre>
 */
public final class ConfigFile {

    /** The keys, each the name of its flag (or of the {@code TENANTRY_*} variable without the prefix). */
    static final List<String> KEYS = List.of(
            "host",
            "port",
            "data",
            "database",
            "db-pool-size",
            "jdbc-url",
            "jdbc-user",
            "jdbc-password",
            "public-url",
            "domain-suffix",
            "catalog",
            "master-key",
            "hostnames",
            "microsoft-hostnames",
            "log-format",
            "metrics-token",
            "drain-seconds",
            "managed-identity-port",
            "managed-identity-resource",
            "managed-identity-header");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ConfigFile() {}

    /** The settings in {@code file} over {@code base}. */
    public static TenantryConfig read(Path file, TenantryConfig base) {
        Map<String, Entry> entries = entries(file);
        try {
            TenantryConfig config = new TenantryConfig(
                    text(entries, "host", base.host()),
                    number(entries, "port", base.port(), 0, 65535),
                    entries.containsKey("data") ? Path.of(text(entries, "data", null)) : base.dataDir(),
                    text(entries, "jdbc-url", base.jdbcUrl()),
                    text(entries, "jdbc-user", base.jdbcUser()),
                    text(entries, "jdbc-password", base.jdbcPassword()),
                    text(entries, "public-url", base.publicUrl()),
                    text(entries, "domain-suffix", base.domainSuffix()),
                    entries.containsKey("catalog") ? Path.of(text(entries, "catalog", null)) : base.catalogFile(),
                    text(entries, "master-key", base.masterKey()),
                    entries.containsKey("hostnames") ? list(entries.get("hostnames")) : base.hostnames(),
                    entries.containsKey("microsoft-hostnames")
                            ? bool(entries.get("microsoft-hostnames"))
                            : base.microsoftHostnames(),
                    base.operations(),
                    base.managedIdentityEndpoint());
            Operations operations = config.operations();
            if (entries.containsKey("db-pool-size")) {
                operations = operations.withDbPoolSize(number(entries, "db-pool-size", 0, 1, 1000));
            }
            if (entries.containsKey("log-format")) {
                operations = withLogFormat(entries.get("log-format"), operations, text(entries, "log-format", null));
            }
            if (entries.containsKey("metrics-token")) {
                Entry token = entries.get("metrics-token");
                try {
                    operations = operations.withMetricsToken(text(entries, "metrics-token", null));
                } catch (IllegalArgumentException e) {
                    throw token.refuse(e.getMessage());
                }
            }
            if (entries.containsKey("drain-seconds")) {
                operations = operations.withDrainSeconds(number(entries, "drain-seconds", 0, 0, 3600));
            }
            config = config.withOperations(operations);
            config = withManagedIdentityEndpoint(entries, config);
            if (entries.containsKey("database")) {
                config = config.withDatabase(entries.get("database").where(), text(entries, "database", null));
            }
            return config;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /** The {@code managed-identity-*} keys over the base's endpoint; a port turns the endpoint on. */
    private static TenantryConfig withManagedIdentityEndpoint(Map<String, Entry> entries, TenantryConfig config) {
        ManagedIdentityEndpoint base = config.managedIdentityEndpoint();
        if (!entries.containsKey("managed-identity-port") && base == null) {
            for (String key : List.of("managed-identity-resource", "managed-identity-header")) {
                if (entries.containsKey(key)) {
                    throw entries.get(key).refuse("needs managed-identity-port, which turns the endpoint on");
                }
            }
            return config;
        }
        Entry where = entries.getOrDefault(
                "managed-identity-port",
                entries.getOrDefault("managed-identity-resource", entries.get("managed-identity-header")));
        try {
            return config.withManagedIdentityEndpoint(new ManagedIdentityEndpoint(
                    number(entries, "managed-identity-port", base == null ? 0 : base.port(), 0, 65535),
                    text(entries, "managed-identity-resource", base == null ? null : base.resource()),
                    text(entries, "managed-identity-header", base == null ? null : base.header())));
        } catch (IllegalArgumentException e) {
            throw where == null ? e : where.refuse(e.getMessage());
        }
    }

    private static Operations withLogFormat(Entry entry, Operations operations, String format) {
        try {
            return operations.withLogFormat(format);
        } catch (IllegalArgumentException e) {
            throw entry.refuse(e.getMessage());
        }
    }

    /** One top-level key: its line and its value. */
    private record Entry(String key, int line, JsonNode value) {
        String where() {
            return "line " + line + ", " + key;
        }

        IllegalArgumentException refuse(String why) {
            return new IllegalArgumentException(where() + ": " + why);
        }
    }

    private static Map<String, Entry> entries(Path file) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        try (JsonParser parser = YAML.getFactory().createParser(Files.readString(file))) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return entries;
            }
            if (first != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException(file + ": line "
                        + parser.currentLocation().getLineNr() + ": the file is a map of settings (key: value)");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                int line = parser.currentLocation().getLineNr();
                parser.nextToken();
                JsonNode value = YAML.readTree(parser);
                if (!KEYS.contains(key)) {
                    throw new IllegalArgumentException(file + ": line " + line + ": unknown key '" + key
                            + "'; the keys are " + String.join(", ", KEYS));
                }
                if (entries.containsKey(key)) {
                    throw new IllegalArgumentException(file + ": line " + line + ": '" + key + "' is set twice");
                }
                entries.put(key, new Entry(key, line, value));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    file + ": line " + e.getLocation().getLineNr() + ": not YAML (" + e.getOriginalMessage() + ")", e);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
        return entries;
    }

    private static String text(Map<String, Entry> entries, String key, String otherwise) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return otherwise;
        }
        if (!entry.value().isValueNode() || entry.value().isNull()) {
            throw entry.refuse("a single value is expected");
        }
        return entry.value().asText();
    }

    private static int number(Map<String, Entry> entries, String key, int otherwise, int min, int max) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return otherwise;
        }
        if (!entry.value().canConvertToInt() || !entry.value().isIntegralNumber()) {
            throw entry.refuse("a whole number is expected");
        }
        int value = entry.value().intValue();
        if (value < min || value > max) {
            throw entry.refuse("must be from " + min + " to " + max + ", not " + value);
        }
        return value;
    }

    private static boolean bool(Entry entry) {
        if (!entry.value().isBoolean()) {
            throw entry.refuse("true or false is expected");
        }
        return entry.value().booleanValue();
    }

    private static List<String> list(Entry entry) {
        List<String> values = new ArrayList<>();
        if (entry.value().isTextual()) {
            return TenantryConfig.hostnameList(entry.value().asText());
        }
        if (!entry.value().isArray()) {
            throw entry.refuse("a list of names is expected");
        }
        entry.value().forEach(value -> values.add(value.asText()));
        return values;
    }
}
