package dev.tenantry.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each {@code with…} of the configuration changes its one setting and keeps every other, operations included. */
class TenantryConfigTest {

    @Test
    void hostnameSettingsKeepTheOperationalSettings() {
        Operations operations = Operations.defaults().withDrainSeconds(42).withDbPoolSize(7);
        TenantryConfig config = TenantryConfig.defaults().withOperations(operations);

        TenantryConfig changed =
                config.withHostnames(List.of("login.example.com")).withMicrosoftHostnames(true);

        assertThat(changed.operations()).isEqualTo(operations);
        assertThat(changed.hostnames()).containsExactly("login.example.com");
        assertThat(changed.microsoftHostnames()).isTrue();
    }
}
