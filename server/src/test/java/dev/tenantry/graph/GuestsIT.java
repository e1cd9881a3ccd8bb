package dev.tenantry.graph;

import static dev.tenantry.graph.GraphFixture.encode;
import static dev.tenantry.graph.GraphFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tenantry.directory.CreatedDirectory;
import dev.tenantry.directory.User;
import dev.tenantry.testing.CookieClient;
import dev.tenantry.testing.RunningServer;
import dev.tenantry.testing.Tokens;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 10, B2B guests over the real server (R2, R14): Fabrikam invites Contoso's Alice through Graph, Alice redeems
 * on the pages with her home account, then signs in to Fabrikam as its guest. The tests run in order: each step
 * builds on the one before, as the story does.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GuestsIT {

    @RegisterExtension
    static final RunningServer server = new RunningServer();

    private static final String REDIRECT = "https://myapp.example.com/welcome";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static GraphFixture graph;
    private static CreatedDirectory contoso;
    private static CreatedDirectory fabrikam;
    private static User alice;
    private static String fabrikamAdmin;
    private static String guestId;
    private static String redeemUrl;

    @BeforeAll
    static void directories() {
        graph = new GraphFixture(server);
        contoso = graph.directory("guestshome");
        fabrikam = graph.directory("guestsres");
        alice = graph.user(contoso, "Alice Smith", "alice");
        fabrikamAdmin = graph.token(fabrikam.admin());
    }

    /** The password grant at {@code tenant}'s authority for Alice, as the Azure CLI asks. */
    private static HttpResponse<String> aliceToken(String tenant, String scope) {
        return server.postForm(
                "/" + tenant + "/oauth2/v2.0/token",
                "grant_type=password&client_id=" + GraphFixture.AZURE_CLI + "&scope=" + encode(scope) + "&username="
                        + encode(alice.userPrincipalName()) + "&password=" + encode(GraphFixture.PASSWORD));
    }

    private static JsonNode claims(String jwt) {
        try {
            return JSON.readTree(new String(
                    Base64.getUrlDecoder().decode(jwt.substring(jwt.indexOf('.') + 1, jwt.lastIndexOf('.'))),
                    StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @Order(1)
    @DisplayName("R14: before any invitation, Fabrikam's authority and Graph refuse Contoso's Alice")
    void r14BeforeTheInvitationFabrikamRefusesAlice() {
        HttpResponse<String> token = aliceToken(fabrikam.tenant().id().toString(), GraphFixture.GRAPH_SCOPE);
        assertThat(token.statusCode()).as(token.body()).isEqualTo(400);
        assertThat(json(token).get("error_codes").get(0).asInt()).isEqualTo(50126);

        String home = graph.token(alice);
        assertThat(graph.get("/v1.0/users/" + fabrikam.admin().id(), home).statusCode())
                .isEqualTo(404);
        JsonNode listed = json(graph.get("/v1.0/users?$select=id", home));
        assertThat(listed.get("value").findValuesAsText("id"))
                .doesNotContain(fabrikam.admin().id().toString());
        String arm = Tokens.password(server, alice.userPrincipalName(), GraphFixture.PASSWORD, Tokens.MANAGEMENT);
        JsonNode tenants = json(server.get("/tenants?api-version=2022-12-01", arm));
        assertThat(tenants.get("value").findValuesAsText("tenantId"))
                .containsExactly(contoso.tenant().id().toString());
    }

    @Test
    @Order(2)
    @DisplayName("R2: POST /v1.0/invitations makes a pending guest object and answers Graph's invitation")
    void r2InvitationMakesAPendingGuest() {
        HttpResponse<String> created = graph.post(
                "/v1.0/invitations",
                "{\"invitedUserEmailAddress\":\"" + alice.userPrincipalName() + "\",\"inviteRedirectUrl\":\"" + REDIRECT
                        + "\",\"sendInvitationMessage\":true,\"invitedUserMessageInfo\":{}}",
                fabrikamAdmin);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode invitation = json(created);
        assertThat(invitation.get("@odata.context").asText()).endsWith("/v1.0/$metadata#invitations/$entity");
        assertThat(invitation.get("status").asText()).isEqualTo("PendingAcceptance");
        assertThat(invitation.get("invitedUserEmailAddress").asText()).isEqualTo(alice.userPrincipalName());
        assertThat(invitation.get("inviteRedirectUrl").asText()).isEqualTo(REDIRECT);
        assertThat(invitation.get("invitedUserType").asText()).isEqualTo("Guest");
        guestId = invitation.get("invitedUser").get("id").asText();
        redeemUrl = invitation.get("inviteRedeemUrl").asText();
        assertThat(redeemUrl).startsWith(server.baseUrl() + "/redeem?");

        JsonNode user = json(graph.get(
                "/v1.0/users/" + guestId + "?$select=id,userPrincipalName,userType,creationType,externalUserState,"
                        + "externalUserStateChangeDateTime,otherMails,mail",
                fabrikamAdmin));
        assertThat(user.get("userPrincipalName").asText())
                .isEqualTo(alice.userPrincipalName().replace('@', '_') + "#EXT#@"
                        + fabrikam.tenant().initialDomain());
        assertThat(user.get("userType").asText()).isEqualTo("Guest");
        assertThat(user.get("creationType").asText()).isEqualTo("Invitation");
        assertThat(user.get("externalUserState").asText()).isEqualTo("PendingAcceptance");
        assertThat(user.get("externalUserStateChangeDateTime").asText()).isNotBlank();
        assertThat(user.get("otherMails").get(0).asText()).isEqualTo(alice.userPrincipalName());
        JsonNode guests = json(graph.get("/v1.0/users?$filter=" + encode("userType eq 'Guest'"), fabrikamAdmin));
        assertThat(guests.get("value").findValuesAsText("id")).containsExactly(guestId);
    }

    @Test
    @Order(3)
    @DisplayName("issue 10: invitations refuse bad input, members' invite types and a caller without rights")
    void invitationRefusals() {
        assertThat(graph.post(
                                "/v1.0/invitations",
                                "{\"invitedUserEmailAddress\":\"nope\",\"inviteRedirectUrl\":\"" + REDIRECT + "\"}",
                                fabrikamAdmin)
                        .statusCode())
                .isEqualTo(400);
        assertThat(graph.post(
                                "/v1.0/invitations",
                                "{\"invitedUserEmailAddress\":\"x@example.com\",\"inviteRedirectUrl\":\"javascript:x\"}",
                                fabrikamAdmin)
                        .statusCode())
                .isEqualTo(400);
        HttpResponse<String> forbidden = graph.post(
                "/v1.0/invitations",
                "{\"invitedUserEmailAddress\":\"x@example.com\",\"inviteRedirectUrl\":\"" + REDIRECT + "\"}",
                graph.token(alice));
        assertThat(forbidden.statusCode()).isEqualTo(201); // a member of Contoso invites into Contoso (default on)
        assertThat(json(forbidden).get("invitedUserEmailAddress").asText()).isEqualTo("x@example.com");
    }

    @Test
    @Order(4)
    @DisplayName("R2: a guest whose invitation is pending cannot sign in to the inviting directory (AADSTS50020)")
    void r2PendingGuestCannotSignIn() {
        HttpResponse<String> token = aliceToken(fabrikam.tenant().id().toString(), GraphFixture.GRAPH_SCOPE);

        assertThat(token.statusCode()).as(token.body()).isEqualTo(400);
        assertThat(json(token).get("error").asText()).isEqualTo("invalid_grant");
        assertThat(json(token).get("error_codes").get(0).asInt()).isEqualTo(50020);
    }

    @Test
    @Order(5)
    @DisplayName("R2: Alice redeems on the pages with her home account and goes on to the redirect URL; once only")
    void r2RedeemOnThePages() {
        URI redeem = URI.create(redeemUrl);
        String path = redeem.getRawPath() + "?" + redeem.getRawQuery();
        CookieClient browser = new CookieClient(server);
        HttpResponse<String> anonymous = browser.get(path);
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElseThrow()).startsWith("/signin?returnUrl=");
        browser.signIn(alice.userPrincipalName(), GraphFixture.PASSWORD, path);

        HttpResponse<String> consent = browser.get(path);
        assertThat(consent.statusCode()).isEqualTo(200);
        assertThat(CookieClient.textOf(consent.body(), "redeem-account")).isEqualTo(alice.userPrincipalName());
        assertThat(consent.body()).contains(fabrikam.tenant().displayName());
        Map<String, String> form = hiddenFields(consent.body());
        HttpResponse<String> accepted = browser.post("/redeem", form);

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(303);
        assertThat(accepted.headers().firstValue("Location")).hasValue(REDIRECT);
        HttpResponse<String> again = browser.post("/redeem", form);
        assertThat(again.statusCode()).isEqualTo(422);
        JsonNode user = json(graph.get("/v1.0/users/" + guestId + "?$select=id,externalUserState", fabrikamAdmin));
        assertThat(user.get("externalUserState").asText()).isEqualTo("Accepted");
    }

    @Test
    @Order(6)
    @DisplayName("R2: the password grant at Fabrikam's authority issues Alice a guest token (tid, oid, idp)")
    void r2GuestTokenClaims() {
        HttpResponse<String> response = aliceToken(fabrikam.tenant().id().toString(), GraphFixture.GRAPH_SCOPE);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode claims = claims(json(response).get("access_token").asText());
        assertThat(claims.get("tid").asText()).isEqualTo(fabrikam.tenant().id().toString());
        assertThat(claims.get("oid").asText()).isEqualTo(guestId);
        assertThat(claims.get("idp").asText())
                .isEqualTo("https://sts.windows.net/" + contoso.tenant().id() + "/");
        assertThat(claims.get("preferred_username").asText()).isEqualTo(alice.userPrincipalName());

        HttpResponse<String> withRefresh =
                aliceToken(fabrikam.tenant().id().toString(), GraphFixture.GRAPH_SCOPE + " offline_access");
        HttpResponse<String> refreshed = server.postForm(
                "/" + fabrikam.tenant().id() + "/oauth2/v2.0/token",
                "grant_type=refresh_token&client_id=" + GraphFixture.AZURE_CLI + "&refresh_token="
                        + encode(json(withRefresh).get("refresh_token").asText()));
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        JsonNode again = claims(json(refreshed).get("access_token").asText());
        assertThat(again.get("oid").asText()).isEqualTo(guestId);
        assertThat(again.get("idp").asText()).isEqualTo(claims.get("idp").asText());
    }

    @Test
    @Order(7)
    @DisplayName("R14: as a guest Alice reads herself in Fabrikam but cannot list its users or groups")
    void r14GuestLimits() {
        String token = json(aliceToken(fabrikam.tenant().id().toString(), GraphFixture.GRAPH_SCOPE))
                .get("access_token")
                .asText();

        JsonNode me = json(graph.get("/v1.0/me?$select=id,userType", token));
        assertThat(me.get("id").asText()).isEqualTo(guestId);
        assertThat(me.get("userType").asText()).isEqualTo("Guest");
        assertThat(graph.get("/v1.0/users", token).statusCode()).isEqualTo(403);
        assertThat(graph.get("/v1.0/groups", token).statusCode()).isEqualTo(403);
        assertThat(graph.get("/v1.0/users/" + fabrikam.admin().id(), token).statusCode())
                .isEqualTo(403);
        assertThat(graph.get("/v1.0/users/" + alice.id(), token).statusCode()).isEqualTo(404);
    }

    @Test
    @Order(8)
    @DisplayName("R2: ARM GET /tenants lists Alice's home and the directory she is a guest of")
    void r2TenantsListsHomeAndGuestDirectories() {
        String home = Tokens.password(server, alice.userPrincipalName(), GraphFixture.PASSWORD, Tokens.MANAGEMENT);
        String asGuest = json(aliceToken(fabrikam.tenant().id().toString(), Tokens.MANAGEMENT))
                .get("access_token")
                .asText();

        for (String token : List.of(home, asGuest)) {
            JsonNode tenants = json(server.get("/tenants?api-version=2022-12-01", token));
            assertThat(tenants.get("value").findValuesAsText("tenantId"))
                    .containsExactly(
                            contoso.tenant().id().toString(),
                            fabrikam.tenant().id().toString());
        }
    }

    @Test
    @Order(9)
    @DisplayName("R2, R14: the portal's directory switcher lists Fabrikam; switching acts there as the guest object")
    void r2DirectorySwitcherActsAsTheGuest() {
        CookieClient browser = new CookieClient(server);
        browser.signIn(alice.userPrincipalName(), GraphFixture.PASSWORD, "/portal");
        HttpResponse<String> home = browser.get("/portal");
        String switchPath = "/switch-directory?tenant=" + fabrikam.tenant().id() + "&returnUrl=%2Fportal";
        assertThat(home.body()).contains(fabrikam.tenant().displayName()).contains(switchPath.replace("&", "&amp;"));

        HttpResponse<String> switched = browser.postFrom(
                switchPath,
                "/switch-directory",
                "tenant",
                fabrikam.tenant().id().toString(),
                "returnUrl",
                "/portal");

        assertThat(switched.statusCode()).as(switched.body()).isEqualTo(303);
        assertThat(switched.headers().firstValue("Location")).hasValue("/portal");
        String current = CookieClient.all(
                        browser.get("/portal").body(), "aria-current=\"true\"><span class=\"directory-name\">([^<]*)<")
                .get(0);
        assertThat(current).isEqualTo(fabrikam.tenant().displayName());
        assertThat(browser.get("/portal/directory/users").statusCode()).isEqualTo(403);
        HttpResponse<String> other = browser.get("/switch-directory?tenant="
                + graph.directory("guestsother").tenant().id());
        assertThat(other.statusCode()).isEqualTo(404);
    }

    @Test
    @Order(10)
    @DisplayName("issue 10: the admin center invites, lists, re-sends and deletes guests; the portal lists them too")
    void consolesInviteListResendDelete() {
        CookieClient admin = new CookieClient(server);
        admin.signIn(fabrikam.admin().userPrincipalName(), GraphFixture.PASSWORD, "/admin/guests");
        HttpResponse<String> refused = admin.postFrom(
                "/admin/guests", "/admin/guests/invite", "email", "bob@example.com", "redirectUrl", "ftp://x");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(CookieClient.textOf(refused.body(), "invite-error")).contains("http or https");

        HttpResponse<String> invited = admin.postFrom(
                "/admin/guests", "/admin/guests/invite", "email", "bob@example.com", "displayName", "Bob");

        assertThat(invited.statusCode()).as(invited.body()).isEqualTo(200);
        String link = CookieClient.all(invited.body(), "id=\"redeem-url\"[^>]*value=\"([^\"]+)\"")
                .get(0);
        assertThat(link).startsWith(server.baseUrl() + "/redeem?");
        String bobId = CookieClient.all(invited.body(), "<tr id=\"guest-([^\"]+)\"").stream()
                .filter(id -> !id.equals(guestId))
                .findFirst()
                .orElseThrow();
        assertThat(invited.body()).contains("PendingAcceptance").contains("Accepted");
        HttpResponse<String> resent = admin.postFrom("/admin/guests", "/admin/guests/" + bobId + "/resend");
        String newLink = CookieClient.all(resent.body(), "id=\"redeem-url\"[^>]*value=\"([^\"]+)\"")
                .get(0);
        assertThat(newLink.replace("&amp;", "&")).isNotEqualTo(link.replace("&amp;", "&"));
        assertThat(admin.get("/portal/directory/guests").body()).contains("bob@example.com");

        HttpResponse<String> deleted = admin.postFrom("/admin/guests", "/admin/guests/" + bobId + "/delete");

        assertThat(deleted.statusCode()).isEqualTo(303);
        assertThat(admin.get("/admin/guests").body()).doesNotContain("bob@example.com");
        assertThat(admin.postFrom(
                                "/admin/guests",
                                "/admin/guests/" + fabrikam.admin().id() + "/delete")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    @Order(11)
    @DisplayName("R2: deleting the guest object ends Alice's access to Fabrikam and leaves her home account")
    void r2DeletingTheGuest() {
        assertThat(graph.delete("/v1.0/users/" + guestId, fabrikamAdmin).statusCode())
                .isEqualTo(204);

        HttpResponse<String> token = aliceToken(fabrikam.tenant().id().toString(), GraphFixture.GRAPH_SCOPE);
        assertThat(token.statusCode()).isEqualTo(400);
        assertThat(aliceToken(contoso.tenant().id().toString(), GraphFixture.GRAPH_SCOPE)
                        .statusCode())
                .isEqualTo(200);
    }

    private static Map<String, String> hiddenFields(String html) {
        List<String> names = CookieClient.all(html, "type=\"hidden\" name=\"([^\"]+)\"");
        List<String> values = CookieClient.all(html, "type=\"hidden\" name=\"[^\"]+\" value=\"([^\"]*)\"");
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        List<String> decoded = new ArrayList<>();
        values.forEach(value -> decoded.add(value.replace("&#61;", "=").replace("&amp;", "&")));
        for (int i = 0; i < names.size(); i++) {
            fields.put(names.get(i), decoded.get(i));
        }
        return fields;
    }

    @Test
    @Order(12)
    @DisplayName("issue 10: members invite while the directory allows it; a Global Administrator turns it off and on")
    void membersInviteOnlyWhenTheDirectoryAllowsIt() {
        String member = graph.token(graph.user(fabrikam, "Mia Member", "mia"));
        String invite = "{\"invitedUserEmailAddress\":\"%s\",\"inviteRedirectUrl\":\"https://example.com/\"}";
        assertThat(graph.post("/v1.0/invitations", invite.formatted("first@example.com"), member)
                        .statusCode())
                .isEqualTo(201);
        CookieClient admin = new CookieClient(server);
        admin.signIn(fabrikam.admin().userPrincipalName(), GraphFixture.PASSWORD, "/admin/guests");
        assertThat(admin.get("/admin/guests").body())
                .contains("id=\"members-can-invite\"")
                .contains("checked");

        HttpResponse<String> off = admin.postFrom("/admin/guests", "/admin/guests/settings");

        assertThat(off.statusCode()).isEqualTo(303);
        assertThat(admin.get("/admin/guests").body()).doesNotContain("checked");
        HttpResponse<String> refused = graph.post("/v1.0/invitations", invite.formatted("second@example.com"), member);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        CookieClient mia = new CookieClient(server);
        mia.signIn("mia@" + fabrikam.tenant().initialDomain(), GraphFixture.PASSWORD, "/admin/guests");
        assertThat(mia.postFrom("/admin/guests", "/admin/guests/settings", "membersCanInvite", "on")
                        .statusCode())
                .isEqualTo(403);

        admin.postFrom("/admin/guests", "/admin/guests/settings", "membersCanInvite", "on");
        assertThat(graph.post("/v1.0/invitations", invite.formatted("second@example.com"), member)
                        .statusCode())
                .isEqualTo(201);
        assertThat(graph.get("/v1.0/auditLogs/directoryAudits", fabrikamAdmin).body())
                .contains("Update external collaboration settings");
    }
}
