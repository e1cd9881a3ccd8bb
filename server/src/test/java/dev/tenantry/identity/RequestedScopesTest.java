package dev.tenantry.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantry.shared.InvalidRequestException;
import org.junit.jupiter.api.Test;

class RequestedScopesTest {

    @Test
    void armDefaultScopeKeepsTheTrailingSlashResource() {
        RequestedScopes scopes =
                RequestedScopes.parse("https://management.core.windows.net//.default openid profile offline_access");

        assertThat(scopes.resource()).isEqualTo("https://management.core.windows.net/");
        assertThat(scopes.isDefault()).isTrue();
        assertThat(scopes.openid()).isTrue();
        assertThat(scopes.offlineAccess()).isTrue();
        assertThat(scopes.delegatedScopes()).isEqualTo("user_impersonation");
    }

    @Test
    void bareScopesAndGuidResourcesMeanGraph() {
        assertThat(RequestedScopes.parse("User.Read Mail.Read").resource()).isEqualTo(RequestedScopes.GRAPH);
        assertThat(RequestedScopes.parse("User.Read Mail.Read").delegatedScopes())
                .isEqualTo("User.Read Mail.Read");
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
                .extracting("code")
                .isEqualTo("invalid_scope");
    }
}
