package dev.tenantry.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantry.shared.AccessDeniedException;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.PageRequest;
import dev.tenantry.testing.TestDirectories;
import dev.tenantry.testing.TestDirectory;
import dev.tenantry.testing.TestWorld;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue 7.7: a user acting through a Graph token is bound by the token's delegated scopes as well as its roles. */
class DelegatedScopeRulesTest {

    private final TestWorld world = TestWorld.create();
    private final TestDirectory contoso = TestDirectories.contoso().create(world);
    private final User kelley = contoso.addUser("kelley");

    private Caller.User adminWith(String... scopes) {
        return new Caller.User(contoso.id(), contoso.admin().id(), Optional.of(Set.of(scopes)));
    }

    @Test
    @DisplayName("issue 7.7: User.Read reads the signed-in user's own profile and the organization only")
    void userReadReadsItself() {
        Caller.User token = adminWith("User.Read");

        assertThat(world.userService()
                        .getUser(token, contoso.id(), contoso.admin().id().toString()))
                .isEqualTo(contoso.admin());
        assertThat(world.tenantService().readOrganization(token, contoso.id())).isEqualTo(contoso.tenant());
        assertThatThrownBy(() -> world.userService()
                        .getUser(token, contoso.id(), kelley.id().toString()))
                .isInstanceOfSatisfying(
                        AccessDeniedException.class, e -> assertThat(e.code()).isEqualTo("scope_required"));
        assertThatThrownBy(() -> world.userService().listUsers(token, contoso.id(), List.of(), PageRequest.first(10)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @DisplayName("issue 7.7: a Global Administrator's read-only token cannot create users")
    void readScopesDoNotWrite() {
        Caller.User token = adminWith("User.Read.All", "Directory.Read.All");

        assertThat(world.userService()
                        .listUsers(token, contoso.id(), List.of(), PageRequest.first(10))
                        .items())
                .hasSize(2);
        assertThatThrownBy(() -> world.userService()
                        .createUser(token, contoso.id(), NewUser.of("Mallory", "mallory", TestDirectories.PASSWORD)))
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.requiredRoles())
                        .contains("User.ReadWrite.All", "Directory.AccessAsUser.All"));
    }

    @Test
    @DisplayName("issue 7.7: access as the user allows what the user's roles allow, and no more")
    void accessAsUserIsBoundByRoles() {
        Caller.User admin = adminWith("Directory.AccessAsUser.All");
        Caller.User plain =
                new Caller.User(contoso.id(), kelley.id(), Optional.of(Set.of("Directory.AccessAsUser.All")));

        assertThat(world.userService()
                        .createUser(admin, contoso.id(), NewUser.of("Jane Doe", "jane", TestDirectories.PASSWORD))
                        .displayName())
                .isEqualTo("Jane Doe");
        assertThatThrownBy(() -> world.userService()
                        .createUser(plain, contoso.id(), NewUser.of("Tricia Lee", "tricia", TestDirectories.PASSWORD)))
                .isInstanceOfSatisfying(
                        AccessDeniedException.class, e -> assertThat(e.code()).isEqualTo("role_required"));
    }
}
