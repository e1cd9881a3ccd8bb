package dev.tenantry.directory.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.directory.Group;
import dev.tenantry.directory.Tenant;
import dev.tenantry.directory.User;
import dev.tenantry.directory.apps.AppRoleAssignment;
import dev.tenantry.directory.apps.Application;
import dev.tenantry.directory.apps.ServicePrincipal;
import dev.tenantry.shared.TenantId;
import dev.tenantry.testing.H2Stores;
import dev.tenantry.testing.RepositoryContract;
import dev.tenantry.testing.TestWorld;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The app role assignments a user or group held go with it in the SQL store (issue 11). */
class JdbiAssigneeDeletionTest {

    private final H2Stores stores = new H2Stores();
    private final TenantId contoso = TenantId.random();

    @AfterEach
    void close() {
        stores.close();
    }

    @Test
    @DisplayName("issue 11: deleting a user or a group deletes the app role assignments it held, and no other")
    void assignmentsGoWithTheirPrincipal() {
        stores.tenants().insert(new Tenant(contoso, "Contoso", "US", "contoso.onmicrosoft.test", TestWorld.NOW));
        User alice = RepositoryContract.member(
                contoso, UUID.randomUUID(), "alice@contoso.onmicrosoft.test", "alice", "Alice");
        stores.users().insert(alice, "hash");
        User bob = RepositoryContract.member(contoso, UUID.randomUUID(), "bob@contoso.onmicrosoft.test", "bob", "Bob");
        stores.users().insert(bob, "hash");
        Group sales = new Group(
                UUID.randomUUID(), contoso, "Sales", null, "sales", null, false, true, false, null, TestWorld.NOW);
        stores.directoryGroups().insert(sales);
        Application app =
                new Application(UUID.randomUUID(), contoso, UUID.randomUUID(), "Orders", TestWorld.NOW, List.of());
        stores.applications().insert(app);
        ServicePrincipal sp =
                new ServicePrincipal(UUID.randomUUID(), contoso, app.appId(), app.displayName(), TestWorld.NOW);
        stores.applications().insertServicePrincipal(sp);
        AppRoleAssignment toBob = assign(bob.id().value(), sp);
        assign(alice.id().value(), sp);
        assign(sales.id(), sp);

        stores.users().delete(contoso, alice.id());
        stores.directoryGroups().delete(contoso, sales.id());

        assertThat(stores.applications().assignmentsTo(contoso, sp.id())).containsExactly(toBob);
    }

    private AppRoleAssignment assign(UUID principalId, ServicePrincipal resource) {
        AppRoleAssignment assignment = new AppRoleAssignment(
                UUID.randomUUID(), contoso, principalId, resource.id(), UUID.randomUUID(), TestWorld.NOW);
        stores.applications().insertAssignment(assignment);
        return assignment;
    }
}
