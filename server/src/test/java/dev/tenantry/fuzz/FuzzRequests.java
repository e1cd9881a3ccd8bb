package dev.tenantry.fuzz;

import java.util.ArrayList;
import java.util.List;

/** Requests that are odd as a whole: paths, query options and headers, on every route family. */
final class FuzzRequests {

    private static final String[] SEGMENTS = {
        "v1.0",
        "users",
        "me",
        "memberOf",
        "applications",
        "addPassword",
        "servicePrincipals",
        "appRoleAssignments",
        "directoryRoles",
        "directoryRoles(roleTemplateId='62e90394-69f5-4237-9190-012177145e10')",
        "members",
        "$ref",
        "directoryRoleTemplates",
        "subscribedSkus",
        "organization",
        "domains",
        "subscriptions",
        "tenants",
        "resourcegroups",
        "providers",
        "Microsoft.Authorization",
        "roleAssignments",
        "roleDefinitions",
        "api",
        "signups",
        "catalog",
        "openapi.yaml",
        "availability",
        "oauth2",
        "v2.0",
        "token",
        ".well-known",
        "openid-configuration",
        "discovery",
        "keys",
        "common",
        "organizations",
        "userrealm",
        "admin",
        "portal",
        "directory",
        "store",
        "suite",
        "cloud",
        "signup",
        "billing",
        "trial",
        "confirm",
        "orders",
        "static",
        "tenantry.css",
        "signin",
        "signout",
        "health",
        "..",
        ".",
        "",
        "%2e%2e",
        "%2F",
        "..;",
        "%00",
        "%zz",
        "%",
        "%C3%28",
        "İ",
        "%C4%B0",
        "~",
        "*",
        "users('x')",
        "$count",
        "$metadata",
        "$batch"
    };

    private static final String[] METHODS = {
        "GET", "GET", "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE", "PROPFIND", "FOO"
    };

    private final FuzzValues values;
    private final FuzzTargets targets;

    FuzzRequests(FuzzValues values, FuzzTargets targets) {
        this.values = values;
        this.targets = targets;
    }

    FuzzInput oddPath() {
        StringBuilder path =
                new StringBuilder(values.pick("/", "//", "/./", "/../", "/%2e%2e/", "///", "/..;/", "/%2F"));
        for (int i = values.random.nextInt(7); i >= 0; i--) {
            path.append(segment()).append(values.chance(85) ? "/" : values.pick("//", "/../", "/./", "\\"));
        }
        if (values.chance(30)) {
            path.append('?').append(values.pick("api-version=2022-12-01", "a=%", "%=", "&&", "x=" + values.string()));
        }
        String target = values.chance(3) ? "/" + "a".repeat(9000 + values.random.nextInt(70_000)) : path.toString();
        return new FuzzInput("odd path", values.pick(METHODS), sanitize(target), auth(), new byte[0], true);
    }

    FuzzInput queryOptions() {
        String path = values.pick(
                "/v1.0/users",
                "/v1.0/users/" + values.pick(targets.userIds()),
                "/v1.0/applications",
                "/v1.0/servicePrincipals",
                "/v1.0/directoryRoles",
                "/v1.0/directoryRoleTemplates",
                "/v1.0/subscribedSkus",
                "/v1.0/organization",
                "/v1.0/domains",
                "/v1.0/me",
                "/v1.0/me/memberOf",
                "/v1.0/users/" + targets.adminId() + "/memberOf",
                "/subscriptions",
                "/tenants",
                "/subscriptions/" + targets.subscriptionId(),
                "/subscriptions/" + targets.subscriptionId() + "/resourcegroups",
                "/subscriptions/" + targets.subscriptionId() + "/providers/Microsoft.Authorization/roleAssignments",
                "/subscriptions/" + targets.subscriptionId() + "/providers/Microsoft.Authorization/roleDefinitions",
                "/portal/directory/users",
                "/admin/users",
                "/api/domains/" + FuzzInputs.encode(values.string()) + "/availability",
                "/common/userrealm/" + FuzzInputs.encode(values.string()),
                "/" + targets.tenantId() + "/v2.0/.well-known/openid-configuration");
        List<String> query = new ArrayList<>();
        for (int i = values.random.nextInt(4); i >= 0; i--) {
            String name = values.pick(
                    "$select",
                    "$filter",
                    "$top",
                    "$skiptoken",
                    "$skipToken",
                    "$orderby",
                    "$count",
                    "$search",
                    "$expand",
                    "api-version",
                    "search",
                    "page",
                    "$format",
                    values.string());
            query.add(FuzzInputs.encode(name) + "=" + FuzzInputs.encode(optionValue(name)));
        }
        String target = path + "?" + String.join("&", query);
        boolean raw = values.chance(20);
        if (raw) {
            target = sanitize(target.replace("%24", "$").replace("%27", "'").replace("+", " "));
        }
        List<String[]> headers = auth();
        if (path.startsWith("/portal") || path.startsWith("/admin")) {
            headers.add(new String[] {"Cookie", targets.adminCookie()});
        }
        return new FuzzInput("query options", "GET", target, headers, new byte[0], raw);
    }

    private String optionValue(String name) {
        return switch (name) {
            case "$top" -> values.pick("-1", "0", "1", "999", "1000", "2147483648", "1e3", "", values.string());
            case "$filter" ->
                values.pick(
                        "startswith(displayName,'" + values.string() + "')",
                        "userPrincipalName eq '" + values.string() + "'",
                        "accountEnabled eq true and (displayName eq 'a' or mail eq null)",
                        "(".repeat(500),
                        "displayName eq " + values.string(),
                        "atScope()",
                        "assignedTo('" + values.string() + "')",
                        "principalId eq '" + values.guid() + "'",
                        values.string());
            case "$select" -> values.pick("displayName,id", "", ",", "x".repeat(3000), values.string());
            case "$skiptoken", "$skipToken", "page" ->
                values.pick(values.base64(values.randomBytes(values.random.nextInt(80))), values.string());
            case "api-version" -> values.pick("2022-12-01", "2022-04-01", "2020-01-01", "", values.string());
            default -> values.string();
        };
    }

    FuzzInput headers() {
        String path = values.pick(
                "/v1.0/users",
                "/v1.0/me",
                "/subscriptions?api-version=2022-12-01",
                "/api/signups",
                "/api/tenants/" + targets.tenantId(),
                "/admin/users",
                "/portal",
                "/",
                "/signin",
                "/health",
                "/organizations/oauth2/v2.0/token",
                "/api/subscriptions/cloud");
        boolean post = path.startsWith("/api/s") || path.endsWith("token");
        List<String[]> headers = new ArrayList<>();
        for (int i = values.random.nextInt(4); i >= 0; i--) {
            headers.add(header());
        }
        byte[] body = post ? values.utf8(values.pick("{}", "null", "grant_type=password", "")) : new byte[0];
        return new FuzzInput("headers", post ? "POST" : "GET", path, headers, body, values.chance(30));
    }

    private String[] header() {
        return switch (values.random.nextInt(12)) {
            case 0, 1 -> new String[] {"Authorization", "Bearer " + ForgedTokens.token(values, targets)};
            case 2 ->
                new String[] {
                    "Authorization",
                    values.pick(
                            "Bearer",
                            "Bearer  ",
                            "bearer x",
                            "Basic",
                            "Negotiate x",
                            "Bearer " + "a".repeat(20_000),
                            values.string())
                };
            case 3 ->
                new String[] {
                    "Cookie",
                    "__Host-tenantry-session="
                            + values.pick(values.string(), values.base64(values.randomBytes(40)), "x".repeat(500))
                };
            case 4 ->
                new String[] {"Host", values.pick("evil.example", "", "localhost:1", "[::1]", "a b", values.string())};
            case 5 ->
                new String[] {
                    "Content-Type",
                    values.pick(
                            "multipart/form-data",
                            "application/json; charset=x",
                            "application/x-www-form-urlencoded",
                            values.string())
                };
            case 6 -> new String[] {"Accept", values.pick("text/html", "application/json", "*/*;q=x", values.string())};
            case 7 -> new String[] {"client-request-id", values.string()};
            case 8 -> new String[] {"Idempotency-Key", values.string()};
            case 9 -> new String[] {"X-Forwarded-Host", values.string()};
            case 10 -> new String[] {"Accept-Language", values.pick("de-DE", "*", values.string())};
            default -> new String[] {sanitize(values.pick("X-" + values.string(), values.string())), values.string()};
        };
    }

    private List<String[]> auth() {
        List<String[]> headers = new ArrayList<>();
        switch (values.random.nextInt(4)) {
            case 0 -> headers.add(new String[] {"Authorization", "Bearer " + targets.graphToken()});
            case 1 -> headers.add(new String[] {"Authorization", "Bearer " + targets.armToken()});
            case 2 -> headers.add(new String[] {"Authorization", "Bearer " + ForgedTokens.token(values, targets)});
            default -> {}
        }
        return headers;
    }

    private String segment() {
        return values.chance(70) ? values.pick(SEGMENTS) : FuzzInputs.encode(values.string());
    }

    /** Keeps a request line or header one line: a CR or LF would start another request, not test this one. */
    static String sanitize(String text) {
        return text.replace('\r', '_').replace('\n', '_');
    }
}
