package dev.tenantry.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.azure.core.credential.TokenCredential;
import com.azure.core.management.Region;
import com.azure.core.management.exception.ManagementException;
import com.azure.resourcemanager.authorization.AuthorizationManager;
import com.azure.resourcemanager.authorization.models.BuiltInRole;
import com.azure.resourcemanager.authorization.models.RoleAssignment;
import com.azure.resourcemanager.resources.ResourceManager;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue 10: the ARM authorization SDK assigns a role at resource-group scope, and the assignee is held to it. */
class ArmRbacCompatIT {

    private static final String GROUP = "compat-rbac-rg";

    private static ServerApi api;
    private static Clients clients;
    private static TestDirectory directory;
    private static String robinId;
    private static String robinUpn;

    @BeforeAll
    static void signUp() {
        TenantryProcess server = TenantryProcess.get();
        api = new ServerApi(server);
        clients = new Clients(server);
        directory = TestDirectory.signUp(api, "rbac");
        String graph =
                api.passwordToken(directory.tenantId(), directory.adminUpn(), TestDirectory.PASSWORD, Clients.GRAPH);
        robinUpn = "robin@" + directory.domain();
        robinId = api.postJson("/v1.0/users", """
                        {"accountEnabled":true,"displayName":"Robin Builder","mailNickname":"robin",
                         "userPrincipalName":"%s","passwordProfile":{"password":"%s"}}
                        """.formatted(robinUpn, TestDirectory.PASSWORD), graph)
                .requireStatus(201)
                .body()
                .get("id")
                .asText();
    }

    @BeforeEach
    void needsPort443() {
        CompatReport.assumePort443("the ARM SDK (azure-identity underneath)");
    }

    private static TokenCredential as(String upn) {
        return clients.userPassword(directory.tenantId(), upn, TestDirectory.PASSWORD);
    }

    @Test
    @DisplayName("issue 10: a Contributor assigned at a resource group through the SDK writes that group only")
    void roleAssignmentAtResourceGroupScope() {
        ResourceManager owner = clients.resourceManager(as(directory.adminUpn()), directory)
                .withSubscription(directory.subscriptionId());
        owner.resourceGroups().define(GROUP).withRegion(Region.EUROPE_WEST).create();
        String scope = directory.subscriptionScope() + "/resourceGroups/" + GROUP;
        AuthorizationManager authorization = clients.authorizationManager(as(directory.adminUpn()), directory);

        RoleAssignment created = authorization
                .roleAssignments()
                .define(UUID.randomUUID().toString())
                .forObjectId(robinId)
                .withBuiltInRole(BuiltInRole.CONTRIBUTOR)
                .withScope(scope)
                .create();
        List<RoleAssignment> atGroup =
                authorization.roleAssignments().listByScope(scope).stream().toList();

        assertThat(created.scope()).isEqualTo(scope);
        assertThat(created.roleDefinitionId()).endsWith("/roleDefinitions/b24988ac-6180-42a0-ab88-20f7382dd24c");
        assertThat(atGroup).anySatisfy(a -> assertThat(a.principalId()).isEqualTo(robinId));

        ResourceManager robin =
                clients.resourceManager(as(robinUpn), directory).withSubscription(directory.subscriptionId());
        assertThat(robin.resourceGroups().getByName(GROUP).name()).isEqualTo(GROUP);
        ManagementException refused = catchThrowableOfType(ManagementException.class, () -> robin.resourceGroups()
                .define("robins-own-rg")
                .withRegion(Region.EUROPE_WEST)
                .create());
        assertThat(refused.getResponse().getStatusCode()).isEqualTo(403);
        assertThat(refused.getValue().getCode()).isEqualTo("AuthorizationFailed");

        authorization.roleAssignments().deleteById(created.id());
        assertThat(authorization.roleAssignments().listByScope(scope).stream())
                .noneMatch(a -> a.principalId().equals(robinId));
    }
}
