package dev.tenantry.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AudiencesTest {

    @Test
    @DisplayName("issue 7.1: each resource has a fixed set of audiences; anything else is no resource at all")
    void fixedAudiencesPerResource() {
        Audiences audiences = new Audiences(null);

        assertThat(audiences.resourceOf("https://graph.microsoft.com")).contains(ProtectedResource.GRAPH);
        assertThat(audiences.resourceOf("00000003-0000-0000-c000-000000000000")).contains(ProtectedResource.GRAPH);
        assertThat(audiences.resourceOf("https://management.core.windows.net/")).contains(ProtectedResource.MANAGEMENT);
        assertThat(audiences.resourceOf("https://MANAGEMENT.azure.com")).contains(ProtectedResource.MANAGEMENT);
        assertThat(audiences.resourceOf("https://api.partner.example")).isEmpty();
        assertThat(audiences.resourceOf("https://127.0.0.1:8443")).isEmpty();
    }

    @Test
    @DisplayName("issue 12: the configured origin is Graph's resource id, and Resource Manager accepts it too")
    void configuredOriginIsGraphAndAcceptedByArm() {
        Audiences audiences = new Audiences("https://tenantry.example:8443/");

        assertThat(audiences.resourceOf("https://tenantry.example:8443")).contains(ProtectedResource.GRAPH);
        assertThat(audiences.resourceOf("https://tenantry.example:8443/")).contains(ProtectedResource.GRAPH);
        assertThat(audiences.accepts("https://tenantry.example:8443/", ProtectedResource.GRAPH))
                .isTrue();
        assertThat(audiences.accepts("https://TENANTRY.example:8443", ProtectedResource.MANAGEMENT))
                .isTrue();
        assertThat(audiences.accepts("https://graph.microsoft.com", ProtectedResource.MANAGEMENT))
                .isFalse();
        assertThat(audiences.accepts("https://management.azure.com/", ProtectedResource.GRAPH))
                .isFalse();
        assertThat(audiences.accepts("https://other.example:8443/", ProtectedResource.GRAPH))
                .isFalse();
    }
}
