package dev.tenantry.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tenantry.testing.CookieClient;
import dev.tenantry.testing.RunningServer;
import dev.tenantry.testing.Tokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The brief's last next step, end to end over the real server (issue 10): Fabrikam bought the suite, Kelley bought a
 * cloud subscription separately (so it sits in her own directory, Contoso); Fabrikam's administrator invites Kelley as
 * a guest, she redeems on the pages with her home account, moves the subscription into Fabrikam (R11), and then one
 * directory holds everything: ARM at Fabrikam's authority lists the subscription, Kelley's guest object owns it, she
 * gives Fabrikam's administrator Owner, and both consoles show the subscription and the same users.
 */
class BriefNextStepsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "Tenantry!2026";
    private static final String OWNER = "8e3af657-a8ff-443c-a75c-2fe8c4bcb635";

    @RegisterExtension
    static final RunningServer server = new RunningServer();

    private static JsonNode signUp(String organization, String prefix, String admin, String user, String product) {
        HttpResponse<String> response =
                server.postJson("/api/signups", """
                {"organization":"%s","domainPrefix":"%s","countryCode":"US",
                 "admin":{"displayName":"%s","userName":"%s","password":"%s"},"product":"%s"}
                """.formatted(organization, prefix, admin, user, PASSWORD, product));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response);
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The user principal names a console's users page lists. */
    private static Set<String> userNames(String html) {
        return new TreeSet<>(CookieClient.all(html, "([A-Za-z0-9._#-]+@[a-z0-9-]+\\.onmicrosoft\\.test)"));
    }

    @Test
    @DisplayName("R2, R11, R14: invite the cloud's owner as a guest, redeem, change directory; one directory holds all")
    void r11BringTheSeparatelyBoughtSubscriptionIntoTheSuitesDirectory() {
        JsonNode fabrikam = signUp("Fabrikam", "fabrikambrief", "Megan Bowen", "megan", "O365_BUSINESS_ESSENTIALS");
        JsonNode contoso = signUp("Contoso", "contosobrief", "Kelley Wall", "kelley", "MS-AZR-0044P");
        String fabrikamId = fabrikam.get("tenantId").asText();
        String contosoId = contoso.get("tenantId").asText();
        String megan = fabrikam.at("/admin/userPrincipalName").asText();
        String kelley = contoso.at("/admin/userPrincipalName").asText();
        String subscriptionId = contoso.at("/subscription/subscriptionId").asText();

        // before: the subscription is Contoso's, and Kelley cannot move it where she is nobody (R11)
        String kelleyHomeArm = Tokens.password(server, kelley, PASSWORD, Tokens.MANAGEMENT);
        String move = "{\"targetTenantId\":\"" + fabrikamId + "\"}";
        String movePath = "/api/subscriptions/cloud/" + subscriptionId + "/changeDirectory";
        assertThat(server.postJson(movePath, move, kelleyHomeArm).statusCode()).isIn(403, 404, 422);

        // Fabrikam's administrator invites Kelley (Graph), Kelley redeems on the pages with her Contoso account
        String meganGraph = Tokens.password(server, megan, PASSWORD, Tokens.GRAPH);
        HttpResponse<String> invited = server.postJson(
                "/v1.0/invitations",
                "{\"invitedUserEmailAddress\":\"" + kelley + "\",\"inviteRedirectUrl\":\"https://example.com/\"}",
                meganGraph);
        assertThat(invited.statusCode()).as(invited.body()).isEqualTo(201);
        String guestId = json(invited).at("/invitedUser/id").asText();
        URI redeem = URI.create(json(invited).get("inviteRedeemUrl").asText());
        String redeemPath = redeem.getRawPath() + "?" + redeem.getRawQuery();
        CookieClient kelleyBrowser = new CookieClient(server);
        kelleyBrowser.signIn(kelley, PASSWORD, redeemPath);
        String consent = kelleyBrowser.get(redeemPath).body();
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> names = CookieClient.all(consent, "type=\"hidden\" name=\"([^\"]+)\"");
        List<String> values = CookieClient.all(consent, "type=\"hidden\" name=\"[^\"]+\" value=\"([^\"]*)\"");
        for (int i = 0; i < names.size(); i++) {
            fields.put(names.get(i), values.get(i));
        }
        assertThat(kelleyBrowser.post("/redeem", fields).statusCode()).isEqualTo(303);

        // Kelley, the account administrator and now a guest of Fabrikam, moves the subscription there (R11)
        HttpResponse<String> moved = server.postJson(movePath, move, kelleyHomeArm);
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);

        // ARM at Fabrikam's authority: Kelley's guest token lists the subscription under Fabrikam, and she owns it
        String kelleyGuestArm = Tokens.passwordAt(server, fabrikamId, kelley, PASSWORD, Tokens.MANAGEMENT);
        JsonNode listed = json(server.get("/subscriptions?api-version=2022-12-01", kelleyGuestArm));
        assertThat(listed.at("/value/0/subscriptionId").asText()).isEqualTo(subscriptionId);
        assertThat(listed.at("/value/0/tenantId").asText()).isEqualTo(fabrikamId);
        String assignments = "/subscriptions/" + subscriptionId + "/providers/Microsoft.Authorization/roleAssignments";
        JsonNode owners = json(server.get(assignments + "?api-version=2022-04-01", kelleyGuestArm));
        assertThat(owners.findValuesAsText("principalId")).containsExactly(guestId);
        assertThat(server.get("/subscriptions?api-version=2022-12-01", kelleyHomeArm)
                        .body())
                .doesNotContain(subscriptionId);
        assertThat(json(server.get("/api/tenants/" + contosoId, kelleyHomeArm))
                        .get("tenantId")
                        .asText())
                .isEqualTo(contosoId);

        // give colleagues access: Kelley makes Megan an Owner too, so Fabrikam's own administrator manages it
        String meganId = fabrikam.at("/admin/id").asText();
        HttpResponse<String> granted = server.send(server.request(
                        assignments + "/" + UUID.randomUUID() + "?api-version=2022-04-01")
                .header("Authorization", "Bearer " + kelleyGuestArm)
                .header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"properties\":{\"roleDefinitionId\":"
                        + "\"/subscriptions/" + subscriptionId + "/providers/Microsoft.Authorization/roleDefinitions/"
                        + OWNER + "\",\"principalId\":\"" + meganId + "\"}}"))
                .build());
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(201);

        // both consoles, one directory: Megan sees the subscription in the portal, and the same users in both
        CookieClient meganBrowser = new CookieClient(server);
        meganBrowser.signIn(megan, PASSWORD, "/portal");
        assertThat(meganBrowser.get("/portal/subscriptions").body()).contains(subscriptionId);
        Set<String> portalUsers =
                userNames(meganBrowser.get("/portal/directory/users").body());
        Set<String> adminUsers = userNames(meganBrowser.get("/admin/users").body());
        assertThat(portalUsers).contains(megan).anyMatch(upn -> upn.contains("#EXT#"));
        assertThat(adminUsers).isEqualTo(portalUsers);
        assertThat(meganBrowser.get("/admin/billing/products").body())
                .contains("Microsoft 365 Business Basic")
                .contains("id=\"cloud-" + subscriptionId + "\"");
    }
}
