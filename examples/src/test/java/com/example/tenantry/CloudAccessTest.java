package com.example.tenantry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.management.Region;
import com.azure.core.management.exception.ManagementException;
import com.azure.resourcemanager.AzureResourceManager;
import com.azure.resourcemanager.authorization.models.BuiltInRole;
import com.azure.resourcemanager.resources.models.ResourceGroup;
import dev.tenantry.junit.AsApp;
import dev.tenantry.junit.TenantryExtension;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The ARM SDK's {@code AzureResourceManager} through the extension: the admin (the subscription's Owner) makes a
 * resource group and lets the daemon read it; the daemon sees exactly what its role assignments allow.
 */
class CloudAccessTest {

    @RegisterExtension
    static TenantryExtension tenantry =
            TenantryExtension.builder().seed("tenantry-seed.yaml").build();

    @Test
    void theOwnerLetsTheDaemonReadANewResourceGroup(
            AzureResourceManager admin, @AsApp("daemon") AzureResourceManager daemon) {
        admin.resourceGroups().define("rg-data").withRegion(Region.EUROPE_WEST).create();
        admin.accessManagement()
                .roleAssignments()
                .define(UUID.randomUUID().toString())
                .forObjectId(tenantry.app("daemon").servicePrincipalId().toString())
                .withBuiltInRole(BuiltInRole.READER)
                .withResourceGroupScope(admin.resourceGroups().getByName("rg-data"))
                .create();

        assertThat(daemon.resourceGroups().list().stream().map(ResourceGroup::name))
                .containsExactlyInAnyOrder("rg-web", "rg-data");
    }

    @Test
    void aContributorOnOneResourceGroupCannotMakeAnother(@AsApp("daemon") AzureResourceManager daemon) {
        assertThatThrownBy(() -> daemon.resourceGroups()
                        .define("rg-mine")
                        .withRegion(Region.EUROPE_WEST)
                        .create())
                .isInstanceOf(ManagementException.class)
                .hasMessageContaining("AuthorizationFailed");
    }
}
