package dev.tenantry.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantry.shared.AuthenticationException;
import dev.tenantry.shared.DomainException;
import dev.tenantry.shared.InvalidRequestException;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RequestedScopesTest {

    static final UUID CLI = UUID.fromString("04b07795-8ddb-461a-bbee-02f9e1bf7b46");
    static final UUID REGISTERED = UUID.fromString("5e7a9c1d-3b2f-4d6e-8a0c-1f2e3d4c5b6a");

    @Test
    void armDefaultScopeKeepsTheTrailingSlashResource() {
        RequestedScopes scopes =
                RequestedScopes.parse("https://management.core.windows.net//.default openid profile offline_access");

        assertThat(scopes.resource()).isEqualTo("https://management.core.windows.net/");
        assertThat(scopes.isDefault()).isTrue();
        assertThat(scopes.openid()).isTrue();
        assertThat(scopes.offlineAccess()).isTrue();
        assertThat(scopes.delegatedScopes(ProtectedResource.MANAGEMENT, CLI)).isEqualTo("user_impersonation");
    }

    @Test
    void bareScopesAndGuidResourcesMeanGraph() {
        assertThat(RequestedScopes.parse("User.Read Mail.Read").resource()).isEqualTo(RequestedScopes.GRAPH);
        assertThat(RequestedScopes.parse("user.read Directory.Read.All").delegatedScopes(ProtectedResource.GRAPH, CLI))
                .isEqualTo("User.Read Directory.Read.All");
        assertThat(RequestedScopes.parse("00000003-0000-0000-c000-000000000000/.default")
                        .resource())
                .isEqualTo(RequestedScopes.GRAPH);
        assertThat(RequestedScopes.parse("openid profile").resource()).isEqualTo(RequestedScopes.GRAPH);
    }

    @Test
    void scopesOfTwoResourcesAreRefused() {
        assertThatThrownBy(() -> RequestedScopes.parse(
                        "https://graph.microsoft.com/.default https://management.azure.com/.default"))
                .isInstanceOf(InvalidRequestException.class)
                .extracting(t -> ((DomainException) t).code())
                .isEqualTo("invalid_scope");
    }

    @Test
    @DisplayName("issue 7.7: .default gives a client its pre-authorized scopes only")
    void defaultGivesThePreAuthorizedSet() {
        RequestedScopes graph = RequestedScopes.parse("https://graph.microsoft.com/.default");

        assertThat(graph.delegatedScopes(ProtectedResource.GRAPH, CLI)).contains("Directory.AccessAsUser.All");
        assertThat(graph.delegatedScopes(ProtectedResource.GRAPH, REGISTERED)).isEqualTo("User.Read");
    }

    @Test
    @DisplayName("issue 7.7: a scope the client was never granted is refused (AADSTS65001), not issued")
    void unconsentedScopesAreRefused() {
        RequestedScopes asked = RequestedScopes.parse(
                "https://graph.microsoft.com/Directory.ReadWrite.All RoleManagement.ReadWrite.Directory");

        assertThatThrownBy(() -> asked.delegatedScopes(ProtectedResource.GRAPH, CLI))
                .isInstanceOf(AuthenticationException.class)
                .extracting(t -> ((DomainException) t).code())
                .isEqualTo("consent_required");
        assertThatThrownBy(() -> RequestedScopes.parse("User.ReadWrite.All")
                        .delegatedScopes(ProtectedResource.GRAPH, REGISTERED))
                .hasMessageContaining("User.ReadWrite.All");
    }
}
