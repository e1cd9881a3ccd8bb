package dev.tenantry.graph;

import static dev.tenantry.graph.GraphFixture.encode;
import static dev.tenantry.graph.GraphFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.directory.CreatedDirectory;
import dev.tenantry.directory.User;
import dev.tenantry.directory.guests.Invitation;
import dev.tenantry.directory.guests.NewInvitation;
import dev.tenantry.shared.Caller;
import dev.tenantry.testing.RunningServer;
import dev.tenantry.testing.Tokens;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * R14 across directories (issue 10): before directory B makes A's user a guest, every tested endpoint of B refuses
 * that user or shows nothing of B; afterwards the guest object reaches only what Entra lets a guest see by default.
 */
class CrossTenantGuestIT {

    @RegisterExtension
    static final RunningServer server = new RunningServer();

    private static GraphFixture graph;
    private static CreatedDirectory a;
    private static CreatedDirectory b;
    private static User alice;
    private static String groupOfB;

    @BeforeAll
    static void directories() {
        graph = new GraphFixture(server);
        a = graph.directory("crossa");
        b = graph.directory("crossb");
        alice = graph.user(a, "Alice A", "alice");
        String adminOfB = graph.token(b.admin());
        HttpResponse<String> group = graph.post(
                "/v1.0/groups",
                "{\"displayName\":\"Secret\",\"mailEnabled\":false,\"mailNickname\":\"secret\",\"securityEnabled\":true}",
                adminOfB);
        groupOfB = json(group).get("id").asText();
    }

    /** Paths of B's data a guest may not read (by default, without a directory role). */
    private static List<String> restricted() {
        return List.of(
                "/v1.0/users",
                "/v1.0/users/" + b.admin().id(),
                "/v1.0/groups",
                "/v1.0/groups/" + groupOfB,
                "/v1.0/groups/" + groupOfB + "/members",
                "/v1.0/directoryRoles",
                "/v1.0/applications",
                "/v1.0/servicePrincipals",
                "/v1.0/auditLogs/directoryAudits");
    }

    private static HttpResponse<String> tokenAtB() {
        return server.postForm(
                "/" + b.tenant().id() + "/oauth2/v2.0/token",
                "grant_type=password&client_id=" + GraphFixture.AZURE_CLI + "&scope="
                        + encode(GraphFixture.GRAPH_SCOPE) + "&username=" + encode(alice.userPrincipalName())
                        + "&password=" + encode(GraphFixture.PASSWORD));
    }

    @Test
    @DisplayName("R14: before and after the guest exists, B shows A's user only what a guest may see")
    void r14BeforeAndAfterTheGuest() {
        assertThat(tokenAtB().statusCode()).isEqualTo(400);
        String home = graph.token(alice);
        for (String path : restricted()) {
            HttpResponse<String> response = graph.get(path, home);
            if (response.statusCode() == 200) {
                // A's own data only: nothing of B
                assertThat(response.body())
                        .as(path)
                        .doesNotContain(b.admin().id().toString())
                        .doesNotContain(groupOfB);
            } else {
                // an error names the id asked for, no more: B's objects do not exist for A (R14)
                assertThat(response.statusCode()).as(path).isIn(403, 404);
            }
        }
        assertThat(json(graph.get("/v1.0/organization", home)).toString())
                .doesNotContain(b.tenant().id().toString());
        String arm = Tokens.password(server, alice.userPrincipalName(), GraphFixture.PASSWORD, Tokens.MANAGEMENT);
        assertThat(server.get("/tenants?api-version=2022-12-01", arm).body())
                .doesNotContain(b.tenant().id().toString());

        var guests = server.app().services().guests();
        Invitation invitation = guests.invite(
                new Caller.User(b.tenant().id(), b.admin().id()),
                b.tenant().id(),
                new NewInvitation(alice.userPrincipalName(), null, "https://example.com/", null));
        guests.redeem(
                new Caller.Account(a.tenant().id(), alice.id()),
                b.tenant().id(),
                invitation.user().id(),
                invitation.ticket());
        HttpResponse<String> token = tokenAtB();
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        String asGuest = json(token).get("access_token").asText();

        for (String path : restricted()) {
            assertThat(graph.get(path, asGuest).statusCode()).as(path).isEqualTo(403);
        }
        assertThat(json(graph.get("/v1.0/me", asGuest)).get("id").asText())
                .isEqualTo(invitation.user().id().toString());
        assertThat(json(graph.get("/v1.0/organization", asGuest)).toString())
                .contains(b.tenant().id().toString());
        assertThat(graph.get("/v1.0/users/" + alice.id(), asGuest).statusCode()).isEqualTo(404);
    }
}
