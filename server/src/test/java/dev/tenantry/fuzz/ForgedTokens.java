package dev.tenantry.fuzz;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** Bearer tokens that are not what they claim: forged headers and claims, real tokens cut or spliced, junk. */
final class ForgedTokens {

    private ForgedTokens() {}

    static String token(FuzzValues values, FuzzTargets targets) {
        String real = values.chance(50) ? targets.graphToken() : targets.armToken();
        String[] parts = real.split("\\.", -1);
        return switch (values.random.nextInt(8)) {
            case 0 -> real.substring(0, values.random.nextInt(real.length()));
            case 1 -> parts[0] + "." + part(values, values.json(claims(values, targets))) + "." + parts[2];
            case 2 -> part(values, values.json(header(values))) + "." + parts[1] + "." + parts[2];
            case 3 ->
                part(values, values.json(header(values))) + "." + part(values, values.json(claims(values, targets)))
                        + "." + values.pick("", values.base64(values.randomBytes(256)));
            case 4 ->
                part(values, values.json(values.jsonValue(2))) + "." + part(values, values.json(values.jsonValue(2)))
                        + ".x";
            case 5 -> values.pick("a.b.c", "..", ".", "a.b", "a.b.c.d.e", "eyJ.eyJ.", "null.null.null");
            case 6 -> real + values.pick(".", "x", " ", "=");
            default -> FuzzRequests.sanitize(values.string());
        };
    }

    private static Map<String, Object> header(FuzzValues values) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", values.pick("none", "RS256", "HS256", "ES256", "", values.string()));
        if (values.chance(70)) {
            header.put("kid", values.chance(80) ? values.string() : values.jsonValue(1));
        }
        if (values.chance(20)) {
            header.put(values.pick("jku", "x5u", "jwk", "crit", "zip"), values.jsonValue(1));
        }
        return header;
    }

    private static Map<String, Object> claims(FuzzValues values, FuzzTargets targets) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put(
                "aud",
                values.pick("https://graph.microsoft.com", "https://management.core.windows.net/", values.string()));
        claims.put("iss", "https://login.microsoftonline.com/" + targets.tenantId() + "/v2.0");
        claims.put("tid", values.chance(80) ? targets.tenantId() : values.jsonValue(1));
        claims.put("oid", values.chance(80) ? targets.adminId() : values.jsonValue(1));
        claims.put("exp", values.chance(70) ? 4_102_444_800L : values.jsonValue(0));
        claims.put("scp", values.chance(70) ? "Directory.AccessAsUser.All" : values.jsonValue(1));
        claims.put("roles", values.jsonValue(1));
        claims.put("wids", values.jsonValue(1));
        return claims;
    }

    private static String part(FuzzValues values, String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(values.utf8(json));
    }
}
