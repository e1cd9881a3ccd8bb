package com.example.tenantry;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.resourcemanager.resources.ResourceManager;
import com.azure.resourcemanager.resources.models.ResourceGroup;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.PublicClientApplication;
import com.microsoft.aad.msal4j.UserNamePasswordParameters;
import com.microsoft.graph.models.Group;
import com.microsoft.graph.models.User;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import dev.tenantry.junit.AsApp;
import dev.tenantry.junit.AsUser;
import dev.tenantry.junit.TenantryExtension;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What a team's own tests look like with Tenantry: MSAL4J, the Graph SDK and the ARM SDK against a seeded directory. */
class DirectoryReportTest {

    @RegisterExtension
    static TenantryExtension tenantry =
            TenantryExtension.builder().seed("tenantry-seed.yaml").build();

    @Test
    void daemonReadsUsersAndGroupsWithItsApplicationPermissions(@AsApp("daemon") GraphServiceClient graph) {
        var users = graph.users().get().getValue();
        var groups = graph.groups().get().getValue();

        assertThat(users).extracting(User::getDisplayName).contains("Jane Doe", "Joe Bloggs", "Kelley Wall");
        assertThat(groups).extracting(Group::getDisplayName).containsExactly("Engineering");
    }

    @Test
    void janeSignsInWithMsal(PublicClientApplication msal) throws Exception {
        var jane = tenantry.user("jane");

        var result = msal.acquireToken(UserNamePasswordParameters.builder(
                                Set.of("https://graph.microsoft.com/User.Read"),
                                jane.userPrincipalName(),
                                jane.password().toCharArray())
                        .build())
                .get();

        assertThat(result.account().username()).isEqualTo("jane@contoso.onmicrosoft.test");
    }

    @Test
    void daemonGetsAnAppTokenWithMsal(@AsApp("daemon") ConfidentialClientApplication daemon) throws Exception {
        var result = daemon.acquireToken(ClientCredentialParameters.builder(
                                Set.of("https://graph.microsoft.com/.default"))
                        .build())
                .get();

        assertThat(result.accessToken()).isNotBlank();
    }

    @Test
    void daemonSeesItsResourceGroupThroughArm(@AsApp("daemon") ResourceManager arm) {
        var groups = arm.resourceGroups().list().stream().toList();

        assertThat(groups).extracting(ResourceGroup::name).containsExactly("rg-web");
        assertThat(groups.get(0).tags()).containsEntry("team", "web");
    }

    @Test
    void theGraphSdkRidesOutThrottling(@AsUser("jane") GraphServiceClient graph) {
        tenantry.throttle("/v1.0/me", 2, 1); // the next two calls get 429 with Retry-After: 1

        User me = graph.me().get();

        assertThat(me.getDisplayName()).isEqualTo("Jane Doe");
        // users sign in through the Azure CLI's public client id; the recorded calls show the SDK's retries
        var calls = tenantry.requests("04b07795-8ddb-461a-bbee-02f9e1bf7b46", 10).stream()
                .filter(call -> call.path().equals("/v1.0/me"))
                .map(call -> call.status())
                .toList();
        assertThat(calls).containsExactly(429, 429, 200);
    }

    @Test
    void theClockMovesAMonthOnAndTheSeedIsStillThere(
            @AsApp("daemon") GraphServiceClient daemon, TenantryExtension tenantry) {
        tenantry.clock().advance(java.time.Duration.ofDays(30));

        assertThat(daemon.users().get().getValue()).hasSize(3);
    }
}
