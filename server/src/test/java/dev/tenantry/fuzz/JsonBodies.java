package dev.tenantry.fuzz;

import java.util.LinkedHashMap;
import java.util.Map;

/** JSON bodies for a route's shape: mostly the right fields with values near and past every rule, sometimes junk. */
final class JsonBodies {

    private final FuzzValues values;
    private final FuzzTargets targets;

    JsonBodies(FuzzValues values, FuzzTargets targets) {
        this.values = values;
        this.targets = targets;
    }

    byte[] body(Map<String, Object> shape) {
        String valid = values.json(object(shape, 3));
        return switch (values.random.nextInt(20)) {
            case 0, 1, 2 -> values.utf8(values.brokenJson(valid));
            case 3, 4 -> values.utf8(values.json(values.jsonValue(2)));
            case 5 -> values.randomBytes(values.random.nextInt(64));
            case 6 -> values.utf8(values.pick("null", "[]", "[null]", "\"\"", "1", "false", " null\n"));
            default -> values.utf8(valid);
        };
    }

    /** Fills {@code {user}} and the other placeholders of a route's path with real ids or odd text. */
    String path(String template) {
        return template.replace(
                        "{user}", FuzzInputs.encode(values.chance(80) ? values.pick(targets.userIds()) : victimUpn()))
                .replace("{application}", id(targets.applicationId()))
                .replace("{servicePrincipal}", id(targets.servicePrincipalId()))
                .replace("{role}", id("62e90394-69f5-4237-9190-012177145e10"))
                .replace(
                        "{group}",
                        FuzzInputs.encode(values.chance(60) ? "rg-" + values.random.nextInt(20) : values.string()))
                .replace("{assignment}", id(values.guid()));
    }

    private String victimUpn() {
        return values.chance(50) ? "victim@" + targets.domain() : values.string();
    }

    private String id(String known) {
        return FuzzInputs.encode(values.chance(70) ? known : values.guid());
    }

    private Map<String, Object> object(Map<String, Object> shape, int depth) {
        Map<String, Object> object = new LinkedHashMap<>();
        shape.forEach((name, kind) -> {
            if (values.chance(88)) {
                object.put(name, value(kind, depth));
            }
        });
        if (values.chance(5)) {
            object.put(values.string(), values.jsonValue(2));
        }
        return object;
    }

    @SuppressWarnings("unchecked")
    private Object value(Object kind, int depth) {
        if (values.chance(20)) {
            return values.jsonValue(2);
        }
        if (kind instanceof Map<?, ?> nested) {
            return depth > 0 ? object((Map<String, Object>) nested, depth - 1) : null;
        }
        return switch ((String) kind) {
            case "email" ->
                values.chance(50)
                        ? values.string() + "@" + values.pick("example.com", values.string())
                        : values.string();
            case "phone" -> values.pick("+1 425 555 0100", values.string());
            case "country" -> values.pick("US", "NL", "us", "XX", values.string());
            case "card" -> values.pick("4111 1111 1111 1111", "5555555555554444", values.string());
            case "int" -> values.chance(60) ? values.random.nextInt(40) - 5 : values.jsonValue(0);
            case "bool" -> values.chance(70) ? values.random.nextBoolean() : values.jsonValue(0);
            case "password" -> values.chance(60) ? "Tenantry!" + values.random.nextInt(10_000) : values.string();
            case "prefix" ->
                values.chance(50) ? "fz" + Integer.toString(values.random.nextInt(1 << 30), 36) : values.string();
            case "alias" -> values.chance(50) ? "u" + values.random.nextInt(1 << 20) : values.string();
            case "upn" ->
                (values.chance(60) ? "u" + values.random.nextInt(1 << 20) : values.string()) + "@"
                        + values.pick(targets.domain(), values.string());
            case "product" ->
                values.pick(
                        "MS-AZR-0044P",
                        "MS-AZR-0003P",
                        "MS-AZR-0017P",
                        "O365_BUSINESS_ESSENTIALS",
                        "ENTERPRISEPACK",
                        values.string());
            case "guid" -> values.pick(values.guid(), targets.appId(), targets.adminId(), targets.servicePrincipalId());
            case "date" -> values.pick("2030-01-01T00:00:00Z", "1999-01-01T00:00:00Z", values.string());
            case "odataId" ->
                "https://graph.microsoft.com/v1.0/directoryObjects/"
                        + values.pick(values.pick(targets.userIds()), values.string());
            case "location" -> values.pick("westus", "West Europe", values.string());
            case "tags" -> tags();
            case "roleDefinition" ->
                "/subscriptions/" + values.pick(targets.subscriptionId(), values.string())
                        + "/providers/Microsoft.Authorization/roleDefinitions/"
                        + values.pick("acdd72a7-3385-48ef-bd42-f606fba81ae7", values.guid());
            case "principalType" -> values.pick("User", "ServicePrincipal", "Group", values.string());
            default -> values.string();
        };
    }

    private Object tags() {
        if (values.chance(20)) {
            return values.jsonValue(2);
        }
        Map<String, Object> tags = new LinkedHashMap<>();
        for (int i = values.random.nextInt(values.chance(10) ? 60 : 5); i > 0; i--) {
            tags.put(values.string(), values.chance(10) ? null : values.string());
        }
        return tags;
    }
}
