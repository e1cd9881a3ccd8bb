package dev.tenantry.identity.grants;

import static dev.tenantry.identity.grants.GrantFixture.BASE;
import static dev.tenantry.identity.grants.GrantFixture.GRAPH_DEFAULT;
import static dev.tenantry.identity.grants.GrantFixture.claims;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.tenantry.directory.DirectoryRole;
import dev.tenantry.directory.DirectoryRoleTemplate;
import dev.tenantry.directory.Group;
import dev.tenantry.directory.User;
import dev.tenantry.directory.apps.Application;
import dev.tenantry.directory.apps.CreatedSecret;
import dev.tenantry.identity.TokenRequest;
import dev.tenantry.identity.TokenResponse;
import dev.tenantry.testing.TestWorld;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("issue 9: group claims in tokens follow the app registration's groupMembershipClaims")
class GroupClaimsTest {

    final GrantFixture fixture = new GrantFixture();
    final User admin = fixture.contoso.admin();

    /** A confidential app registered in Contoso asking for {@code groupMembershipClaims}, with a secret. */
    TokenRequest.Client app(String groupMembershipClaims) {
        Application app = fixture.applications.createApplication(
                fixture.admin(), fixture.tenantId(), "Web app", groupMembershipClaims);
        CreatedSecret secret =
                fixture.applications.addPassword(fixture.admin(), fixture.tenantId(), app.id(), null, null);
        fixture.applications.createServicePrincipal(fixture.admin(), fixture.tenantId(), app.appId());
        return new TokenRequest.Client(app.appId().toString(), secret.secretText());
    }

    TokenResponse signIn(TokenRequest.Client client) {
        return fixture.adminSignIn(client);
    }

    JWTClaimsSet idToken(TokenRequest.Client client) throws Exception {
        return claims(signIn(client).idToken());
    }

    Group group(String name, boolean securityEnabled) {
        Group group = new Group(
                UUID.randomUUID(),
                fixture.tenantId(),
                name,
                null,
                name.replace(" ", ""),
                securityEnabled ? null : name.replace(" ", "") + "@contoso.onmicrosoft.test",
                !securityEnabled,
                securityEnabled,
                !securityEnabled,
                securityEnabled ? null : "Private",
                TestWorld.NOW);
        fixture.world.directoryGroups().insert(group);
        return group;
    }

    /** A security group the admin is a direct member of. */
    Group adminIn(String name) {
        Group group = group(name, true);
        fixture.world.directoryGroups().addMember(fixture.tenantId(), group.id(), admin);
        return group;
    }

    /** A Microsoft 365 group (not security-enabled) the admin is a direct member of. */
    Group adminInMicrosoft365(String name) {
        Group group = group(name, false);
        fixture.world.directoryGroups().addMember(fixture.tenantId(), group.id(), admin);
        return group;
    }

    /** {@code count} security groups the admin is a direct member of; their ids. */
    List<String> adminInGroups(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(adminIn("Team " + i).id().toString());
        }
        return ids;
    }

    String globalAdministratorRoleId() {
        return fixture.world.roles().activated(fixture.tenantId()).stream()
                .filter(role -> role.template() == DirectoryRoleTemplate.GLOBAL_ADMINISTRATOR)
                .map(DirectoryRole::id)
                .findFirst()
                .orElseThrow()
                .toString();
    }

    @Test
    @DisplayName("issue 9: an app that never set groupMembershipClaims, or set None, gets no groups claim")
    void noneGivesNoClaim() throws Exception {
        adminIn("Engineering");

        assertThat(idToken(app(null)).getClaims()).doesNotContainKeys("groups", "_claim_names", "_claim_sources");
        assertThat(idToken(app("None")).getClaims()).doesNotContainKey("groups");
        assertThat(claims(signIn(new TokenRequest.Client(GrantFixture.CLI, null))
                                .idToken())
                        .getClaims())
                .doesNotContainKey("groups");
    }

    @Test
    @DisplayName("issue 9: SecurityGroup carries the security groups only, not Microsoft 365 groups nor roles")
    void securityGroupFilters() throws Exception {
        Group security = adminIn("Engineering");
        adminInMicrosoft365("All Company");
        group("Not a member", true);

        assertThat(idToken(app("SecurityGroup")).getStringListClaim("groups"))
                .containsExactly(security.id().toString());
    }

    @Test
    @DisplayName("issue 9: All carries every group the user is in and the ids of the directory roles it holds")
    void allCarriesEveryGroupAndDirectoryRoles() throws Exception {
        Group security = adminIn("Engineering");
        Group unified = adminInMicrosoft365("All Company");

        assertThat(idToken(app("All")).getStringListClaim("groups"))
                .containsExactlyInAnyOrder(
                        security.id().toString(), unified.id().toString(), globalAdministratorRoleId());
    }

    @Test
    @DisplayName("issue 9: DirectoryRole carries the object ids of the user's directory roles only")
    void directoryRoleCarriesRoles() throws Exception {
        adminIn("Engineering");

        assertThat(idToken(app("DirectoryRole")).getStringListClaim("groups"))
                .containsExactly(globalAdministratorRoleId());
    }

    @Test
    @DisplayName("issue 9: groups the user is in through nested groups are carried, as Entra's claim is transitive")
    void nestedGroupsAreIncluded() throws Exception {
        Group team = adminIn("Platform team");
        Group department = group("Engineering", true);
        Group division = group("Product", true);
        fixture.world.directoryGroups().addMember(fixture.tenantId(), department.id(), team);
        fixture.world.directoryGroups().addMember(fixture.tenantId(), division.id(), department);

        assertThat(idToken(app("SecurityGroup")).getStringListClaim("groups"))
                .containsExactlyInAnyOrder(
                        team.id().toString(),
                        department.id().toString(),
                        division.id().toString());
    }

    @Test
    @DisplayName("issue 9: exactly 200 groups still fit in the token's groups claim")
    void twoHundredGroupsFit() throws Exception {
        List<String> ids = adminInGroups(GroupClaims.JWT_LIMIT);

        JWTClaimsSet token = idToken(app("SecurityGroup"));

        assertThat(token.getStringListClaim("groups")).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(token.getClaims()).doesNotContainKeys("_claim_names", "_claim_sources");
    }

    @Test
    @DisplayName("issue 9: past 200 groups the token carries Entra's overage form pointing at getMemberObjects")
    void twoHundredAndOneGroupsAreAnOverage() throws Exception {
        adminInGroups(GroupClaims.JWT_LIMIT + 1);

        JWTClaimsSet token = idToken(app("SecurityGroup"));

        assertThat(token.getClaims()).doesNotContainKeys("groups", "hasgroups");
        assertThat(token.getJSONObjectClaim("_claim_names")).isEqualTo(Map.of("groups", "src1"));
        assertThat(token.getJSONObjectClaim("_claim_sources"))
                .isEqualTo(
                        Map.of("src1", Map.of("endpoint", BASE + "/v1.0/users/" + admin.id() + "/getMemberObjects")));
    }

    @Test
    @DisplayName("issue 9: Graph and ARM access tokens carry no groups claim, as Entra's first-party resources")
    void accessTokensForGraphCarryNoGroups() throws Exception {
        adminIn("Engineering");

        JWTClaimsSet access = claims(signIn(app("All")).accessToken());

        assertThat(access.getClaims()).doesNotContainKeys("groups", "_claim_names", "_claim_sources");
    }

    @Test
    @DisplayName("issue 9: the refresh grant's ID token carries the groups the user is in now")
    void refreshedIdTokenCarriesCurrentGroups() throws Exception {
        TokenRequest.Client client = app("SecurityGroup");
        String refreshToken = signIn(client).refreshToken();
        Group joinedLater = adminIn("Joined later");

        TokenResponse refreshed = fixture.refreshTokenGrant()
                .issue(
                        new TokenRequest(
                                "common",
                                "refresh_token",
                                client,
                                GRAPH_DEFAULT + " openid offline_access",
                                true,
                                TokenRequest.Parameters.refreshToken(refreshToken)),
                        BASE);

        assertThat(claims(refreshed.idToken()).getStringListClaim("groups"))
                .containsExactly(joinedLater.id().toString());
    }
}
