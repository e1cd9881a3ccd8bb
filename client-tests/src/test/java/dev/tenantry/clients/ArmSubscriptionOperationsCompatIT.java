package dev.tenantry.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.azure.core.credential.TokenCredential;
import com.azure.core.management.Region;
import com.azure.core.management.exception.ManagementException;
import com.azure.resourcemanager.resources.ResourceManager;
import com.azure.resourcemanager.resources.models.Subscription;
import com.azure.resourcemanager.subscription.SubscriptionManager;
import com.azure.resourcemanager.subscription.models.SubscriptionName;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 10: the ARM subscription SDK ({@code azure-resourcemanager-subscription}, api-version 2020-09-01) renames,
 * cancels and enables a cloud subscription; a cancelled one is read-only ({@code ReadOnlyDisabledSubscription}).
 */
class ArmSubscriptionOperationsCompatIT {

    private static Clients clients;
    private static TestDirectory directory;

    @BeforeAll
    static void signUp() {
        TenantryProcess server = TenantryProcess.get();
        clients = new Clients(server);
        directory = TestDirectory.signUp(new ServerApi(server), "subops");
    }

    @BeforeEach
    void needsPort443() {
        CompatReport.assumePort443("the ARM SDK (azure-identity underneath)");
    }

    @Test
    @DisplayName("issue 10: rename, cancel (then writes are refused) and enable through the subscription SDK")
    void renameCancelEnable() {
        TokenCredential owner =
                clients.userPassword(directory.tenantId(), directory.adminUpn(), TestDirectory.PASSWORD);
        SubscriptionManager subscriptions = SubscriptionManager.authenticate(owner, clients.armProfile(directory));
        ResourceManager resources =
                clients.resourceManager(owner, directory).withSubscription(directory.subscriptionId());
        String id = directory.subscriptionId();

        assertThat(subscriptions
                        .subscriptionOperations()
                        .rename(id, new SubscriptionName().withSubscriptionName("Production"))
                        .subscriptionId())
                .isEqualTo(id);
        Subscription renamed =
                clients.resourceManager(owner, directory).subscriptions().getById(id);
        assertThat(renamed.displayName()).isEqualTo("Production");

        assertThat(subscriptions.subscriptionOperations().cancel(id).subscriptionId())
                .isEqualTo(id);
        assertThat(clients.resourceManager(owner, directory)
                        .subscriptions()
                        .getById(id)
                        .state()
                        .toString())
                .isEqualTo("Disabled");
        ManagementException readOnly = catchThrowableOfType(ManagementException.class, () -> resources
                .resourceGroups()
                .define("after-cancel")
                .withRegion(Region.EUROPE_WEST)
                .create());
        assertThat(readOnly.getValue().getCode()).isEqualTo("ReadOnlyDisabledSubscription");

        assertThat(subscriptions.subscriptionOperations().enable(id).subscriptionId())
                .isEqualTo(id);
        assertThat(clients.resourceManager(owner, directory)
                        .subscriptions()
                        .getById(id)
                        .state()
                        .toString())
                .isEqualTo("Enabled");
        assertThat(resources
                        .resourceGroups()
                        .define("after-enable")
                        .withRegion(Region.EUROPE_WEST)
                        .create()
                        .name())
                .isEqualTo("after-enable");
    }
}
