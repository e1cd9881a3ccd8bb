package dev.tenantry.directory.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantry.directory.CreatedDirectory;
import dev.tenantry.directory.DirectoryError;
import dev.tenantry.directory.NewUser;
import dev.tenantry.directory.User;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.DomainException;
import dev.tenantry.testing.TestWorld;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue 11: consent to the scopes of an API an app registration of the directory exposes. */
class PermissionGrantApiConsentTest {

    final TestWorld world = TestWorld.create();
    final PermissionGrantService grants = world.services().permissionGrants();
    final CreatedDirectory contoso = world.tenantService()
            .createDirectory("Contoso", "US", "contoso", NewUser.of("Kelley Wall", "admin", "Passw0rd!x"));
    final Caller.User kelley =
            new Caller.User(contoso.tenant().id(), contoso.admin().id());
    final User peteUser = world.userService()
            .createUser(Caller.system(), contoso.tenant().id(), NewUser.of("Pete Plain", "pete", "Passw0rd!x"));
    final Caller.User pete = new Caller.User(peteUser.tenantId(), peteUser.id());
    final Application web = world.services()
            .applications()
            .createApplication(kelley, contoso.tenant().id(), "Web");
    final Application api = world.services()
            .applications()
            .createApplication(kelley, contoso.tenant().id(), "Orders API");
    final UUID apiSp = world.services()
            .applications()
            .createServicePrincipal(kelley, contoso.tenant().id(), api.appId())
            .id();

    PermissionGrantApiConsentTest() {
        world.services()
                .exposedApis()
                .change(
                        kelley,
                        contoso.tenant().id(),
                        api.id(),
                        new ExposedApiService.Change(
                                List.of("api://" + api.appId()),
                                List.of(scope("access_as_user", PermissionScope.USER), scope("Orders.All", "Admin")),
                                false,
                                null));
    }

    static PermissionScope scope(String value, String type) {
        return new PermissionScope(UUID.randomUUID(), value, type, value, value, null, null, true);
    }

    List<String> consented(User user) {
        return grants.consentedScopes(contoso.tenant().id(), user.id().value(), web.appId(), apiSp);
    }

    @Test
    @DisplayName("issue 11: a user's consent to an API's User scope is a grant on the API's service principal, merged")
    void userConsent() {
        grants.consentToApi(pete, web.appId(), api.appId(), List.of("ACCESS_AS_USER"), false);
        grants.consentToApi(pete, web.appId(), api.appId(), List.of("access_as_user"), false);
        assertThat(consented(peteUser)).containsExactly("access_as_user");
        assertThat(grants.list(kelley, contoso.tenant().id()))
                .filteredOn(g -> g.resourceId().equals(apiSp))
                .singleElement()
                .satisfies(g -> assertThat(g.consentType()).isEqualTo(PermissionGrant.PRINCIPAL));
        assertThat(consented(contoso.admin())).isEmpty();
    }

    @Test
    @DisplayName("issue 11: an API's Admin scope needs an administrator, whose consent serves every user")
    void adminScope() {
        assertThatThrownBy(() -> grants.consentToApi(pete, web.appId(), api.appId(), List.of("Orders.All"), false))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code())
                        .isEqualTo(DirectoryError.ADMIN_CONSENT_REQUIRED.value()));
        assertThatThrownBy(() -> grants.consentToApi(pete, web.appId(), api.appId(), List.of("Orders.All"), true))
                .isInstanceOf(DomainException.class);
        grants.consentToApi(kelley, web.appId(), api.appId(), List.of("Orders.All"), true);
        assertThat(consented(peteUser)).containsExactly("Orders.All");
    }

    @Test
    @DisplayName("issue 11: a scope the API does not offer is refused")
    void unknownScope() {
        assertThatThrownBy(() -> grants.consentToApi(kelley, web.appId(), api.appId(), List.of("Nope"), true))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code())
                        .isEqualTo(DirectoryError.INVALID_PERMISSION_GRANT.value()));
    }
}
