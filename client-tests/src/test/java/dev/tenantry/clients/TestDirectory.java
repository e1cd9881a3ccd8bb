package dev.tenantry.clients;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.UUID;

/**
 * A directory signed up through {@code POST /api/signups} with a cloud subscription (Free Trial), whose administrator
 * is Global Administrator and the subscription's Owner. Each test class signs up its own, with a random domain prefix.
 */
public record TestDirectory(
        String tenantId, String domain, String adminUpn, String adminObjectId, String subscriptionId) {

    public static final String PASSWORD = "Tenantry!2026";
    public static final String ADMIN_NAME = "Kelley Wall";

    /** Signs up a new directory named after {@code label} plus a random suffix. */
    public static TestDirectory signUp(ServerApi api, String label) {
        String prefix = (label + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
        String json = """
                {"organization":"Compat %s","domainPrefix":"%s","countryCode":"NL",
                 "admin":{"displayName":"%s","userName":"admin","password":"%s"},
                 "product":"MS-AZR-0044P"}
                """.formatted(label, prefix, ADMIN_NAME, PASSWORD);
        JsonNode body =
                api.postJson("/api/signups", json, null).requireStatus(201).body();
        String upn = body.at("/admin/userPrincipalName").asText();
        return new TestDirectory(
                body.get("tenantId").asText(),
                upn.substring(upn.indexOf('@') + 1),
                upn,
                body.at("/admin/id").asText(null),
                body.at("/subscription/subscriptionId").asText());
    }

    public String subscriptionScope() {
        return "/subscriptions/" + subscriptionId;
    }
}
