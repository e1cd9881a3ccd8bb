package dev.tenantry.directory.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantry.directory.CreatedDirectory;
import dev.tenantry.directory.NewUser;
import dev.tenantry.shared.AccessDeniedException;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.DomainException;
import dev.tenantry.testing.TestWorld;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("issue 11: token lifetime policies are managed and assigned by a directory's administrators")
class TokenLifetimePolicyServiceTest {

    final TestWorld world = TestWorld.create();
    final TokenLifetimePolicyService policies = world.services().tokenLifetimePolicies();
    final CreatedDirectory contoso = world.tenantService()
            .createDirectory("Contoso", "US", "contoso", NewUser.of("Kelley Wall", "admin", "Passw0rd!x"));
    final CreatedDirectory fabrikam = world.tenantService()
            .createDirectory("Fabrikam", "US", "fabrikam", NewUser.of("Fab Admin", "admin", "Passw0rd!x"));
    final Caller admin = new Caller.User(contoso.tenant().id(), contoso.admin().id());
    final Caller fabrikamAdmin =
            new Caller.User(fabrikam.tenant().id(), fabrikam.admin().id());
    final Application api = world.services()
            .applications()
            .createApplication(admin, contoso.tenant().id(), "Orders API");

    static TokenLifetimePolicyService.Draft draft(String name, boolean isDefault, String lifetime) {
        return new TokenLifetimePolicyService.Draft(
                name,
                isDefault,
                "{\"TokenLifetimePolicy\":{\"Version\":1,\"AccessTokenLifetime\":\"" + lifetime + "\"}}",
                Map.of("TokenLifetimePolicy", Map.of("Version", 1, "AccessTokenLifetime", lifetime)));
    }

    static void refusedWith(TokenLifetimePolicyError code, Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code())
                .isEqualTo(code.value()));
    }

    @Test
    @DisplayName("issue 11: create, assign, update, unassign and delete; the lifetime is the definition's")
    void lifecycle() {
        TokenLifetimePolicy policy =
                policies.create(admin, contoso.tenant().id(), draft("Two hours", false, "02:00:00"));
        assertThat(policy.accessTokenLifetime()).isEqualTo(Duration.ofHours(2));

        policies.assign(admin, contoso.tenant().id(), api.id(), policy.id());
        assertThat(policies.assigned(admin, contoso.tenant().id(), api.id())).containsExactly(policy);

        TokenLifetimePolicy changed = policies.update(
                admin,
                contoso.tenant().id(),
                policy.id(),
                new TokenLifetimePolicyService.Draft("Renamed", null, null, null));
        assertThat(changed.displayName()).isEqualTo("Renamed");
        assertThat(changed.accessTokenLifetime()).isEqualTo(Duration.ofHours(2));

        policies.unassign(admin, contoso.tenant().id(), api.id(), policy.id());
        assertThat(policies.assigned(admin, contoso.tenant().id(), api.id())).isEmpty();
        policies.delete(admin, contoso.tenant().id(), policy.id());
        assertThat(policies.list(admin, contoso.tenant().id())).isEmpty();
    }

    @Test
    @DisplayName("issue 11: only one organization default per directory; a bad definition is INVALID_DEFINITION")
    void oneDefaultAndValidDefinitions() {
        policies.create(admin, contoso.tenant().id(), draft("Default", true, "01:00:00"));
        refusedWith(
                TokenLifetimePolicyError.ORGANIZATION_DEFAULT_EXISTS,
                () -> policies.create(admin, contoso.tenant().id(), draft("Another", true, "01:30:00")));
        refusedWith(
                TokenLifetimePolicyError.INVALID_DEFINITION,
                () -> policies.create(admin, contoso.tenant().id(), draft("Short", false, "00:05:00")));
        // another directory may have its own default
        policies.create(fabrikamAdmin, fabrikam.tenant().id(), draft("Default", true, "01:00:00"));
    }

    @Test
    @DisplayName("R14: another directory's administrator cannot see or use a directory's policy")
    void r14Isolation() {
        TokenLifetimePolicy policy =
                policies.create(admin, contoso.tenant().id(), draft("Two hours", false, "02:00:00"));
        assertThatThrownBy(() -> policies.get(fabrikamAdmin, contoso.tenant().id(), policy.id()))
                .isInstanceOf(DomainException.class);
        refusedWith(
                TokenLifetimePolicyError.POLICY_NOT_FOUND,
                () -> policies.get(fabrikamAdmin, fabrikam.tenant().id(), policy.id()));
        assertThat(policies.list(fabrikamAdmin, fabrikam.tenant().id())).isEmpty();
    }

    Caller.App app(String... permissions) {
        return new Caller.App(contoso.tenant().id(), UUID.randomUUID(), UUID.randomUUID(), Set.of(permissions));
    }

    Caller.User adminWithScopes(String... scopes) {
        return new Caller.User(contoso.tenant().id(), contoso.admin().id(), Optional.of(Set.of(scopes)));
    }

    static void refusedFor(String permission, Runnable call) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.getMessage())
                        .contains(permission));
    }

    @Test
    @DisplayName("issue 11: an app reads policies with Policy.Read.All, writes them with"
            + " Policy.ReadWrite.ApplicationConfiguration, and assigns them with Application.ReadWrite.All as well")
    void applicationPermissionsAsGraphDocumentsThem() {
        var tenant = contoso.tenant().id();
        Caller.App writer = app("Policy.ReadWrite.ApplicationConfiguration");
        Caller.App reader = app("Policy.Read.All");
        Caller.App appManager = app("Application.ReadWrite.All");
        Caller.App assigner = app("Policy.Read.All", "Application.ReadWrite.All");

        TokenLifetimePolicy policy = policies.create(writer, tenant, draft("Two hours", false, "02:00:00"));
        assertThat(policies.list(reader, tenant)).containsExactly(policy);
        assertThat(policies.get(writer, tenant, policy.id())).isEqualTo(policy);
        policies.assign(assigner, tenant, api.id(), policy.id());
        assertThat(policies.assigned(assigner, tenant, api.id())).containsExactly(policy);

        refusedFor(
                "Policy.ReadWrite.ApplicationConfiguration",
                () -> policies.create(reader, tenant, draft("Reader's", false, "02:00:00")));
        refusedFor(
                "Policy.ReadWrite.ApplicationConfiguration",
                () -> policies.create(appManager, tenant, draft("Manager's", false, "02:00:00")));
        refusedFor("Policy.Read.All", () -> policies.list(appManager, tenant));
        refusedFor("Application.ReadWrite.All", () -> policies.unassign(writer, tenant, api.id(), policy.id()));
        refusedFor("Policy.Read.All", () -> policies.unassign(appManager, tenant, api.id(), policy.id()));
        refusedFor("Policy.ReadWrite.ApplicationConfiguration", () -> policies.delete(reader, tenant, policy.id()));
    }

    @Test
    @DisplayName("issue 11: a delegated token needs the policy scopes too, whatever the user's role")
    void delegatedScopes() {
        var tenant = contoso.tenant().id();
        TokenLifetimePolicy policy = policies.create(
                adminWithScopes("Policy.ReadWrite.ApplicationConfiguration"),
                tenant,
                draft("Two hours", false, "02:00:00"));
        assertThat(policies.list(adminWithScopes("Policy.Read.All"), tenant)).containsExactly(policy);
        policies.assign(adminWithScopes("Policy.Read.All", "Application.ReadWrite.All"), tenant, api.id(), policy.id());

        refusedFor(
                "Policy.ReadWrite.ApplicationConfiguration",
                () -> policies.create(adminWithScopes("Policy.Read.All"), tenant, draft("X", false, "02:00:00")));
        refusedFor("Policy.Read.All", () -> policies.list(adminWithScopes("Application.ReadWrite.All"), tenant));
        refusedFor(
                "Application.ReadWrite.All",
                () -> policies.unassign(adminWithScopes("Policy.Read.All"), tenant, api.id(), policy.id()));
    }
}
