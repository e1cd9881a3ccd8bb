package dev.tenantry.identity.grants;

import static dev.tenantry.identity.grants.GrantFixture.claims;
import static dev.tenantry.identity.grants.GrantFixture.refusedWith;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.directory.apps.AppRole;
import dev.tenantry.directory.apps.AppRoleError;
import dev.tenantry.directory.apps.AppRoleService;
import dev.tenantry.directory.apps.Application;
import dev.tenantry.directory.apps.CreatedSecret;
import dev.tenantry.directory.apps.ServicePrincipal;
import dev.tenantry.identity.TokenRequest;
import dev.tenantry.identity.TokenResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("issue 11: the roles claim of ID tokens, and apps that require an assignment (AADSTS50105)")
class AppRoleClaimsTest {

    final GrantFixture fixture = new GrantFixture();
    final AppRoleService appRoles = fixture.applications.appRoles();
    final AppRole reader =
            new AppRole(UUID.randomUUID(), List.of(AppRole.MemberType.USER), null, "Reader", true, "Orders.Read");

    ServicePrincipal servicePrincipal;

    /** A confidential app with the Reader role and its service principal, as a token request's client. */
    TokenRequest.Client app() {
        Application app = fixture.applications.createApplication(fixture.admin(), fixture.tenantId(), "Orders");
        appRoles.setAppRoles(fixture.admin(), fixture.tenantId(), app.id(), List.of(reader));
        CreatedSecret secret =
                fixture.applications.addPassword(fixture.admin(), fixture.tenantId(), app.id(), null, null);
        servicePrincipal =
                fixture.applications.createServicePrincipal(fixture.admin(), fixture.tenantId(), app.appId());
        return new TokenRequest.Client(app.appId().toString(), secret.secretText());
    }

    TokenResponse signIn(TokenRequest.Client client) {
        return fixture.adminSignIn(client);
    }

    @Test
    void anAssignedUsersIdTokenCarriesTheRoleValuesItsAccessTokenForGraphNone() throws Exception {
        TokenRequest.Client client = app();
        UUID admin = fixture.contoso.admin().id().value();
        appRoles.assign(
                fixture.admin(),
                fixture.tenantId(),
                admin,
                AppRoleService.PrincipalKind.USER,
                servicePrincipal.id(),
                reader.id());

        TokenResponse first = signIn(client);
        assertThat(claims(first.idToken()).getStringListClaim("roles")).containsExactly("Orders.Read");
        assertThat(claims(first.accessToken()).getClaims()).doesNotContainKey("roles");
        assertThat(appRoles.rolesOf(fixture.tenantId(), admin, servicePrincipal.id()))
                .containsExactly("Orders.Read");
    }

    @Test
    void aUserWithoutRolesGetsNoClaimAndAnAppRequiringAssignmentRefusesIt() throws Exception {
        TokenRequest.Client client = app();

        assertThat(claims(signIn(client).idToken()).getClaims()).doesNotContainKey("roles");
        appRoles.setAssignmentRequired(fixture.admin(), fixture.tenantId(), servicePrincipal.id(), true);
        refusedWith(AppRoleError.USER_NOT_ASSIGNED.value(), () -> signIn(client));
        // Microsoft's first-party clients are no registration here: no roles, no requirement
        assertThat(claims(signIn(new TokenRequest.Client(GrantFixture.CLI, null))
                                .idToken())
                        .getClaims())
                .doesNotContainKey("roles");
    }
}
