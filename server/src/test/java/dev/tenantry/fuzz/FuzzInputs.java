package dev.tenantry.fuzz;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Generates malformed requests for every route family from one seed: the same seed gives the same inputs. */
final class FuzzInputs {

    private static final String FORM = "application/x-www-form-urlencoded";

    private final FuzzTargets targets;
    private final FuzzValues values;
    private final JsonBodies json;
    private final List<JsonRoutes.Route> jsonRoutes;
    private final FuzzRequests requests;

    FuzzInputs(FuzzTargets targets, long seed) {
        this.targets = targets;
        this.values = new FuzzValues(new Random(seed), targets.known());
        this.json = new JsonBodies(values, targets);
        this.jsonRoutes = JsonRoutes.all(targets);
        this.requests = new FuzzRequests(values, targets);
    }

    FuzzInput next() {
        return switch (values.random.nextInt(16)) {
            case 0, 1 -> tokenForm();
            case 2 -> basicAuth();
            case 3, 4, 5, 6, 7 -> jsonBody();
            case 8, 9 -> pageForm();
            case 10, 11 -> requests.oddPath();
            case 12, 13 -> requests.queryOptions();
            default -> requests.headers();
        };
    }

    private FuzzInput tokenForm() {
        String tenant = values.pick(
                "organizations", "common", "consumers", targets.tenantId(), targets.domain(), encode(values.string()));
        return new FuzzInput(
                "token form",
                values.chance(95) ? "POST" : values.pick("GET", "PUT", "DELETE"),
                "/" + tenant + "/oauth2/v2.0/token",
                contentType(FORM),
                form(tokenFields()),
                false);
    }

    private Map<String, String> tokenFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        put(
                fields,
                "grant_type",
                values.pick(
                        "password",
                        "client_credentials",
                        "refresh_token",
                        "authorization_code",
                        "urn:ietf:params:oauth:grant-type:device_code",
                        values.string()));
        put(
                fields,
                "client_id",
                values.pick("04b07795-8ddb-461a-bbee-02f9e1bf7b46", targets.appId(), values.guid(), values.string()));
        put(
                fields,
                "scope",
                values.pick(
                        "https://graph.microsoft.com/.default offline_access openid",
                        "offline_access " + values.sized(1990 + values.random.nextInt(30)),
                        "https://management.core.windows.net//.default",
                        values.string()));
        put(
                fields,
                "username",
                values.pick("admin@" + targets.domain(), "victim@" + targets.domain(), values.string()));
        put(fields, "password", values.pick("wrong-" + values.random.nextInt(), values.string()));
        put(fields, "client_secret", values.string());
        put(fields, "refresh_token", values.chance(50) ? values.base64(values.randomBytes(32)) : values.string());
        put(fields, "client_info", values.pick("1", "0", values.string()));
        return fields;
    }

    private FuzzInput basicAuth() {
        String credentials =
                switch (values.random.nextInt(7)) {
                    case 0 -> values.base64(values.randomBytes(values.random.nextInt(40)));
                    case 1 -> values.base64(values.utf8(values.string() + ":" + values.string()));
                    case 2 ->
                        values.base64(
                                values.utf8(targets.appId() + ":" + values.pick("%", "%zz", "%C3%28", "a%2", "")));
                    case 3 -> values.base64(values.utf8(values.string()));
                    case 4 -> values.string();
                    case 5 -> values.base64(values.utf8(values.string())).replace("=", "");
                    default -> "";
                };
        String scheme = values.pick("Basic ", "basic ", "BASIC ", "Basic", "Basic  ");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("grant_type", values.pick("client_credentials", "password", values.string()));
        fields.put("scope", "https://graph.microsoft.com/.default");
        if (values.chance(20)) {
            fields.put("client_id", values.string());
        }
        List<String[]> headers = contentType(FORM);
        headers.add(new String[] {"Authorization", scheme + credentials});
        String tenant = values.pick(targets.tenantId(), "organizations", targets.domain());
        return new FuzzInput("basic auth", "POST", "/" + tenant + "/oauth2/v2.0/token", headers, form(fields), false);
    }

    private FuzzInput jsonBody() {
        JsonRoutes.Route route = values.pick(jsonRoutes);
        List<String[]> headers = contentType("application/json");
        String token = route.token().equals("graph") ? targets.graphToken() : targets.armToken();
        if (!route.token().isEmpty() || values.chance(10)) {
            headers.add(new String[] {"Authorization", "Bearer " + token});
        }
        if (values.chance(10)) {
            headers.add(new String[] {"Idempotency-Key", values.string()});
        }
        return new FuzzInput(
                "json " + route.method() + " " + route.path(),
                route.method(),
                json.path(route.path()),
                headers,
                json.body(route.shape()),
                false);
    }

    private FuzzInput pageForm() {
        String[] page = values.pick(List.of(
                new String[] {"/signin", "anon", "username", "password", "returnUrl"},
                new String[] {
                    "/store/cloud/signup",
                    "anon",
                    "organization",
                    "domainPrefix",
                    "countryCode",
                    "adminName",
                    "userName",
                    "password"
                },
                new String[] {
                    "/store/suite/O365_BUSINESS_ESSENTIALS/trial",
                    "anon",
                    "organization",
                    "domainPrefix",
                    "countryCode",
                    "adminName",
                    "userName",
                    "password"
                },
                new String[] {
                    "/store/cloud/billing",
                    "admin",
                    "name",
                    "email",
                    "phone",
                    "countryCode",
                    "addressLine1",
                    "city",
                    "postalCode",
                    "cardNumber",
                    "cardExpiryMonth",
                    "cardExpiryYear",
                    "cardCvc"
                },
                new String[] {
                    "/store/suite/" + encode(values.pick("ENTERPRISEPACK", values.string())) + "/confirm",
                    "admin",
                    "seats"
                },
                new String[] {"/admin/users/new", "admin", "displayName", "userName", "password", "usageLocation"},
                new String[] {"/admin/users/" + encode(victim()) + "/password", "admin", "newPassword"},
                new String[] {"/admin/users/" + encode(victim()) + "/roles", "admin", "role"}));
        boolean admin = page[1].equals("admin");
        Map<String, String> fields = new LinkedHashMap<>();
        if (values.chance(92)) {
            fields.put("csrf_token", admin ? targets.adminCsrf() : targets.anonymousCsrf());
        }
        for (int i = 2; i < page.length; i++) {
            put(fields, page[i], values.chance(30) ? "Tenantry!2026" : values.string());
        }
        List<String[]> headers = contentType(FORM);
        headers.add(new String[] {"Cookie", admin ? targets.adminCookie() : targets.anonymousCookie()});
        return new FuzzInput("page form " + page[0], "POST", page[0], headers, form(fields), false);
    }

    private String victim() {
        return values.chance(80) ? values.pick(targets.userIds()) : values.string();
    }

    private void put(Map<String, String> fields, String name, String value) {
        if (values.chance(85)) {
            fields.put(name, value);
        }
    }

    /** A Content-Type header: usually {@code usual}, sometimes one the route does not read. */
    private List<String[]> contentType(String usual) {
        List<String[]> headers = new ArrayList<>();
        if (values.chance(85)) {
            headers.add(new String[] {"Content-Type", usual});
        } else if (values.chance(90)) {
            headers.add(new String[] {
                "Content-Type",
                values.pick(
                        "multipart/form-data",
                        "multipart/form-data; boundary=x",
                        "multipart/mixed; boundary=\"\"",
                        "application/json",
                        "text/plain",
                        FORM + "; charset=ISO-8859-1",
                        "application/json; charset=utf-16",
                        "application/xml",
                        "*/*",
                        ";",
                        "",
                        "application/json;;;=",
                        values.string())
            });
        }
        return headers;
    }

    /** A form body: usually well encoded, else broken the ways a form can be. */
    private byte[] form(Map<String, String> fields) {
        List<String> pairs = new ArrayList<>();
        fields.forEach((name, value) -> pairs.add(encode(name) + "=" + encode(value)));
        String body = String.join("&", pairs);
        return switch (values.random.nextInt(14)) {
            case 0 -> values.utf8(body + "&" + (pairs.isEmpty() ? "a=b" : values.pick(pairs)));
            case 1 -> values.utf8(body + "&" + values.pick("%", "%zz", "a=%", "=%C3%28", "%FF=1", "&&&", "=", "a"));
            case 2 -> values.utf8(body.replace("=", values.pick("", "==", "%3")));
            case 3 -> concat(values.utf8(body + "&x="), values.randomBytes(values.random.nextInt(30)));
            case 4 ->
                values.utf8(fields.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .reduce((a, b) -> a + "&" + b)
                        .orElse(""));
            case 5 -> values.utf8(values.pick("", "&", "=", "%", "a=1&a=2&a=3", "x".repeat(300_000)));
            default -> values.utf8(body);
        };
    }

    static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
