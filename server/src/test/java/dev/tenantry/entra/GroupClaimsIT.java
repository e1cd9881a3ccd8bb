package dev.tenantry.entra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tenantry.directory.CreatedDirectory;
import dev.tenantry.directory.DirectoryObject;
import dev.tenantry.directory.Group;
import dev.tenantry.directory.GroupRepository;
import dev.tenantry.directory.NewUser;
import dev.tenantry.directory.User;
import dev.tenantry.directory.apps.Application;
import dev.tenantry.directory.apps.ApplicationService;
import dev.tenantry.shared.Caller;
import dev.tenantry.testing.RunningServer;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Issue 9: the token endpoint puts an app registration's group claims in ID tokens, over HTTPS on the real server. */
class GroupClaimsIT {

    @RegisterExtension
    static final RunningServer server = new RunningServer();

    static final ObjectMapper JSON = new ObjectMapper();
    static final String PASSWORD = "Passw0rd!x";
    static final String SCOPE = "https://graph.microsoft.com/.default openid profile offline_access";

    static CreatedDirectory contoso;
    static Caller admin;
    static GroupRepository groups;

    @BeforeAll
    static void directory() {
        contoso = server.app()
                .services()
                .tenants()
                .createDirectory("Contoso", "US", "contoso", NewUser.of("Kelley Wall", "admin", PASSWORD));
        admin = new Caller.User(contoso.tenant().id(), contoso.admin().id());
        // the Graph group routes come separately; the groups are seeded through the server's own store
        groups = server.app().services().stores().directoryGroups();
    }

    record App(Application application, String secret) {}

    static App app(String groupMembershipClaims) {
        ApplicationService applications = server.app().services().applications();
        Application app = applications.createApplication(
                admin, contoso.tenant().id(), "Web " + groupMembershipClaims, groupMembershipClaims);
        String secret = applications
                .addPassword(admin, contoso.tenant().id(), app.id(), null, null)
                .secretText();
        applications.createServicePrincipal(admin, contoso.tenant().id(), app.appId());
        return new App(app, secret);
    }

    static User user(String alias) {
        return server.app()
                .services()
                .users()
                .createUser(Caller.system(), contoso.tenant().id(), NewUser.of("User " + alias, alias, PASSWORD));
    }

    static Group group(String name, boolean securityEnabled, DirectoryObject... members) {
        String nickname = name.replace(" ", "") + UUID.randomUUID().toString().substring(0, 8);
        Group group = new Group(
                UUID.randomUUID(),
                contoso.tenant().id(),
                name,
                null,
                nickname,
                securityEnabled ? null : nickname + "@contoso.onmicrosoft.test",
                !securityEnabled,
                securityEnabled,
                !securityEnabled,
                securityEnabled ? null : "Private",
                Instant.now());
        groups.insert(group);
        for (DirectoryObject member : members) {
            groups.addMember(contoso.tenant().id(), group.id(), member);
        }
        return group;
    }

    static JsonNode token(Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = server.postForm("/" + contoso.tenant().id() + "/oauth2/v2.0/token", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    static JsonNode signIn(App app, User user) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", app.application().appId().toString());
        form.put("client_secret", app.secret());
        form.put("username", user.userPrincipalName());
        form.put("password", PASSWORD);
        form.put("scope", SCOPE);
        return token(form);
    }

    static JsonNode refresh(App app, String refreshToken) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("client_id", app.application().appId().toString());
        form.put("client_secret", app.secret());
        form.put("refresh_token", refreshToken);
        form.put("scope", SCOPE);
        return token(form);
    }

    static JWTClaimsSet claims(JsonNode response, String token) throws Exception {
        return SignedJWT.parse(response.get(token).asText()).getJWTClaimsSet();
    }

    @Test
    @DisplayName("issue 9: password and refresh ID tokens carry the user's security groups, nested ones included")
    void idTokensCarryTransitiveSecurityGroups() throws Exception {
        User alice = user("alice");
        Group team = group("Platform team", true, alice);
        Group department = group("Engineering", true, team);
        group("All Company", false, alice);
        group("Others", true);
        App web = app("SecurityGroup");

        JsonNode signedIn = signIn(web, alice);
        JsonNode refreshed = refresh(web, signedIn.get("refresh_token").asText());

        List<String> expected = List.of(team.id().toString(), department.id().toString());
        assertThat(claims(signedIn, "id_token").getStringListClaim("groups"))
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(claims(refreshed, "id_token").getStringListClaim("groups"))
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(claims(signedIn, "access_token").getClaims()).doesNotContainKey("groups");
    }

    @Test
    @DisplayName("issue 9: a PATCH of groupMembershipClaims through Graph changes the next token's groups claim")
    void graphPatchTakesEffect() throws Exception {
        User bob = user("bob");
        Group unified = group("Sales", false, bob);
        App web = app(null);
        assertThat(claims(signIn(web, bob), "id_token").getClaims()).doesNotContainKey("groups");

        String adminToken = signInAsAdmin();
        HttpResponse<String> patched = server.send(
                server.request("/v1.0/applications/" + web.application().id())
                        .header("Authorization", "Bearer " + adminToken)
                        .header("Content-Type", "application/json")
                        .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"groupMembershipClaims\":\"All\"}"))
                        .build());

        assertThat(patched.statusCode()).isEqualTo(204);
        assertThat(claims(signIn(web, bob), "id_token").getStringListClaim("groups"))
                .containsExactly(unified.id().toString());
    }

    @Test
    @DisplayName("issue 9: past 200 groups the ID token carries the overage form, pointing at this server's Graph")
    void overageFormPointsAtGetMemberObjects() throws Exception {
        User carol = user("carol");
        for (int i = 0; i < 201; i++) {
            group("Team " + i, true, carol);
        }
        App web = app("SecurityGroup");

        JWTClaimsSet id = claims(signIn(web, carol), "id_token");

        assertThat(id.getClaims()).doesNotContainKeys("groups", "hasgroups");
        assertThat(id.getJSONObjectClaim("_claim_names")).isEqualTo(Map.of("groups", "src1"));
        assertThat(id.getJSONObjectClaim("_claim_sources"))
                .isEqualTo(Map.of(
                        "src1",
                        Map.of("endpoint", server.baseUrl() + "/v1.0/users/" + carol.id() + "/getMemberObjects")));
    }

    static String signInAsAdmin() throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", "04b07795-8ddb-461a-bbee-02f9e1bf7b46");
        form.put("username", contoso.admin().userPrincipalName());
        form.put("password", PASSWORD);
        form.put("scope", SCOPE);
        return token(form).get("access_token").asText();
    }
}
