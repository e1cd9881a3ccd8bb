package dev.tenantry.shared;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.directory.apps.ApplicationRepository;
import dev.tenantry.directory.apps.TokenLifetimePolicyRepository;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: the token path cache's repository wrapper bumps the generation on writes only. A read taken for a write
 * costs a database write and a cache flush on every call (consent and redirect URI checks run on every sign-in), so
 * the application repository's methods are classified here, one by one.
 */
class GenerationBumpingTest {

    private static final Set<String> WRITES = Set.of(
            "addOwner",
            "delete",
            "deleteAssignment",
            "deletePermissionGrant",
            "deleteSecret",
            "deleteServicePrincipal",
            "insert",
            "insertAssignment",
            "insertPermissionGrant",
            "insertSecret",
            "insertServicePrincipal",
            "removeOwner",
            "replaceApi",
            "replaceAppRoles",
            "replaceLogoutUrl",
            "replaceRedirectUris",
            "replaceRequiredResourceAccess",
            "setAppRoleAssignmentRequired",
            "update",
            "updatePermissionGrant");

    @Test
    @DisplayName("issue 13: every ApplicationRepository method is a read but the writes, which bump the generation")
    void applicationRepositoryMethodsAreClassified() {
        Set<String> names = Arrays.stream(ApplicationRepository.class.getMethods())
                .map(Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> bumping =
                names.stream().filter(n -> !GenerationBumping.isRead(n)).collect(Collectors.toCollection(TreeSet::new));

        assertThat(bumping).isEqualTo(new TreeSet<>(WRITES));
    }

    @Test
    @DisplayName("issue 11: a token lifetime policy write bumps the generation, so the token path sees it")
    void tokenLifetimePolicyRepositoryMethodsAreClassified() {
        Set<String> bumping = Arrays.stream(TokenLifetimePolicyRepository.class.getMethods())
                .map(Method::getName)
                .filter(n -> !GenerationBumping.isRead(n))
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(bumping).containsExactly("assign", "delete", "insert", "unassign", "update");
    }
}
