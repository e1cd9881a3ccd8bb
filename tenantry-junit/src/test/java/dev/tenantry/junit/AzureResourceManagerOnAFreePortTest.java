package dev.tenantry.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.resourcemanager.AzureResourceManager;
import com.azure.resourcemanager.resources.models.ResourceGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Off port 443 the server's origin carries its port, and the ARM SDK asks for tokens for it (Graph's resource id):
 * the extension picks the port before the start so that the server knows that origin.
 */
class AzureResourceManagerOnAFreePortTest {

    @RegisterExtension
    static TenantryExtension tenantry = TenantryExtension.builder()
            .seed("tenantry-seed.yaml")
            .port443(Port443.FORBIDDEN)
            .build();

    @Test
    void armAndTheSdksGraphClientAnswerOnAFreePort(AzureResourceManager azure) {
        assertThat(tenantry.baseUrl()).matches("https://localhost:\\d+");

        assertThat(azure.resourceGroups().list().stream().map(ResourceGroup::name))
                .containsExactly("rg-app");
        assertThat(azure.accessManagement()
                        .activeDirectoryUsers()
                        .getById(tenantry.user("joe").objectId().toString())
                        .name())
                .isEqualTo("Joe Bloggs");
    }
}
