package dev.tenantry.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.management.Region;
import com.azure.core.management.exception.ManagementException;
import com.azure.resourcemanager.AzureResourceManager;
import com.azure.resourcemanager.authorization.models.RoleAssignment;
import com.azure.resourcemanager.resources.models.ResourceGroup;
import com.azure.resourcemanager.resources.models.Subscription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Issue 14: the ARM SDK's {@code AzureResourceManager} as a test parameter, on the seed's cloud subscription. */
class AzureResourceManagerTest {

    @RegisterExtension
    static TenantryExtension tenantry =
            TenantryExtension.builder().seed("tenantry-seed.yaml").build();

    @Test
    void boundToTheSeededSubscriptionOfTheSeededTenant(AzureResourceManager azure) {
        String subscriptionId = tenantry.tenant().cloudSubscriptions().get("dev");

        assertThat(azure.subscriptionId()).isEqualTo(subscriptionId);
        assertThat(azure.tenantId()).isEqualTo(tenantry.tenant().tenantId());
        assertThat(azure.subscriptions().list().stream().map(Subscription::displayName))
                .containsExactly("Contoso Dev");
        assertThat(azure.resourceGroups().list().stream().map(ResourceGroup::name))
                .containsExactly("rg-app");
    }

    @Test
    void theOwnerCreatesAResourceGroup(AzureResourceManager azure) {
        ResourceGroup created = azure.resourceGroups()
                .define("rg-new")
                .withRegion(Region.EUROPE_WEST)
                .withTag("env", "test")
                .create();

        assertThat(created.regionName()).isEqualTo("westeurope");
        assertThat(azure.resourceGroups().contain("rg-new")).isTrue();
        assertThat(azure.resourceGroups().getByName("rg-new").tags()).containsEntry("env", "test");
    }

    @Test
    void readsTheSeededRoleAssignmentsByScope(@AsApp("daemon") AzureResourceManager azure) {
        String scope = "/subscriptions/" + azure.subscriptionId();

        var assignments = azure.accessManagement().roleAssignments().listByScope(scope).stream()
                .map(RoleAssignment::principalId)
                .toList();

        assertThat(assignments)
                .contains(
                        tenantry.app("daemon").servicePrincipalId().toString(),
                        tenantry.user("admin").objectId().toString());
    }

    @Test
    void readsTheDirectoryThroughTheSdksGraphClient(@AsUser("jane") AzureResourceManager azure) {
        var jane = azure.accessManagement()
                .activeDirectoryUsers()
                .getById(tenantry.user("jane").objectId().toString());

        assertThat(jane.userPrincipalName()).isEqualTo("jane@contoso.onmicrosoft.test");
    }

    @Test
    void aServiceTenantryDoesNotServeIsAnArmNotFound(AzureResourceManager azure) {
        assertThatThrownBy(() -> azure.storageAccounts().list().stream().toList())
                .isInstanceOfSatisfying(ManagementException.class, e -> {
                    assertThat(e.getResponse().getStatusCode()).isEqualTo(404);
                    assertThat(e.getValue().getCode()).isEqualTo("InvalidResourceType");
                });
    }
}
