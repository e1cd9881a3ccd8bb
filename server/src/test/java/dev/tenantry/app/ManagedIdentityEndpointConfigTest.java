package dev.tenantry.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The managed identity endpoint's settings (issue 11): off by default; file, environment and flags turn it on. */
class ManagedIdentityEndpointConfigTest {

    private static final String HOST =
            "/subscriptions/3c5e7a9c-1e3a-4c5e-9a7c-9e1a3c5e7a9c/resourceGroups/rg/providers/"
                    + "Tenantry.Compute/hosts/web-1";

    @TempDir
    Path dir;

    @Test
    void theEndpointIsOffByDefault() {
        assertThat(TenantryConfig.defaults().managedIdentityEndpoint()).isNull();
        assertThat(TenantryConfig.fromEnv(Map.of()).managedIdentityEndpoint()).isNull();
    }

    @Test
    void theFileTurnsItOnAndTheEnvironmentWins() throws Exception {
        Path file = dir.resolve("tenantry.yaml");
        Files.writeString(file, """
                managed-identity-port: 41080
                managed-identity-resource: %s
                managed-identity-header: a-header-secret-of-some-length
                """.formatted(HOST));

        TenantryConfig config = TenantryConfig.fromEnv(
                Map.of("TENANTRY_MANAGED_IDENTITY_PORT", "41081"), ConfigFile.read(file, TenantryConfig.defaults()));

        assertThat(config.managedIdentityEndpoint())
                .isEqualTo(new ManagedIdentityEndpoint(41081, HOST, "a-header-secret-of-some-length"));
        assertThat(config.withPort(9443).managedIdentityEndpoint()).isEqualTo(config.managedIdentityEndpoint());
        assertThat(config.toString()).doesNotContain("a-header-secret-of-some-length");
    }

    @Test
    void aResourceWithoutAPortIsRefused() throws Exception {
        Path file = dir.resolve("tenantry.yaml");
        Files.writeString(file, "managed-identity-resource: " + HOST + "\n");

        assertThatThrownBy(() -> ConfigFile.read(file, TenantryConfig.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("managed-identity-port");
    }

    @Test
    void aPortWithoutAResourceOrAShortHeaderIsRefused() {
        assertThatThrownBy(() -> TenantryConfig.fromEnv(Map.of("TENANTRY_MANAGED_IDENTITY_PORT", "41080")))
                .hasMessageContaining("TENANTRY_* environment");
        assertThatThrownBy(() -> new ManagedIdentityEndpoint(0, HOST, "short")).hasMessageContaining("16");
    }
}
