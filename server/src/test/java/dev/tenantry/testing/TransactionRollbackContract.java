package dev.tenantry.testing;

import static dev.tenantry.directory.DirectoryRoleTemplate.BILLING_ADMINISTRATOR;
import static dev.tenantry.directory.DirectoryRoleTemplate.GLOBAL_ADMINISTRATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantry.access.PrincipalType;
import dev.tenantry.access.RoleAssignment;
import dev.tenantry.access.RoleDefinition;
import dev.tenantry.directory.DirectoryRole;
import dev.tenantry.directory.User;
import dev.tenantry.directory.apps.Application;
import dev.tenantry.directory.apps.ServicePrincipal;
import dev.tenantry.identity.Lockout;
import dev.tenantry.subscriptions.BillingProfile;
import dev.tenantry.subscriptions.CloudSubscription;
import dev.tenantry.subscriptions.LicenceAssignment;
import dev.tenantry.subscriptions.ResourceGroup;
import dev.tenantry.subscriptions.SuiteSubscription;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A failed transaction leaves no trace in any repository: true of SQL, and of the fakes under test transactions. */
public abstract class TransactionRollbackContract extends RepositoryContract {

    protected TransactionRollbackContract(ContractStores stores) {
        super(stores);
    }

    @Test
    @DisplayName("issue 8: a failure after writes to every repository leaves no trace in any of them")
    void failureAfterWritesLeavesNoTrace() {
        User kelley = user(contoso, "kelley");
        DirectoryRole admins = stores.roles().activate(contoso.id(), GLOBAL_ADMINISTRATOR);
        stores.roles().addMember(admins, kelley.id());
        UUID cloudId = UUID.randomUUID();
        UUID suiteId = UUID.randomUUID();
        UUID sku = UUID.randomUUID();
        LicenceAssignment kelleysLicence = new LicenceAssignment(contoso.id(), kelley.id(), sku, List.of(), NOW);
        stores.licences().save(kelleysLicence);
        Application app = new Application(UUID.randomUUID(), contoso.id(), UUID.randomUUID(), "App", NOW, List.of());

        assertThatThrownBy(() -> stores.inTransaction(() -> {
                    tenant("northwind");
                    User megan = user(contoso, "megan");
                    stores.roles().addMember(admins, megan.id());
                    stores.roles().activate(contoso.id(), BILLING_ADMINISTRATOR);
                    stores.applications().insert(app);
                    stores.applications()
                            .insertServicePrincipal(
                                    new ServicePrincipal(UUID.randomUUID(), contoso.id(), app.appId(), "App", NOW));
                    stores.clouds()
                            .insert(new CloudSubscription(
                                    cloudId,
                                    contoso.id(),
                                    "Dev",
                                    "MS-AZR-0044P",
                                    CloudSubscription.State.ENABLED,
                                    megan.id(),
                                    NOW));
                    stores.assignments()
                            .insert(new RoleAssignment(
                                    UUID.randomUUID(),
                                    contoso.id(),
                                    cloudId,
                                    RoleDefinition.OWNER,
                                    kelley.id().value(),
                                    PrincipalType.USER,
                                    null,
                                    NOW));
                    stores.groups().upsert(new ResourceGroup(cloudId, "rg", "westeurope", Map.of(), NOW));
                    stores.suites()
                            .insert(new SuiteSubscription(
                                    suiteId,
                                    contoso.id(),
                                    UUID.randomUUID(),
                                    "O365_BUSINESS_PREMIUM",
                                    5,
                                    0,
                                    0,
                                    SuiteSubscription.State.ENABLED,
                                    false,
                                    null,
                                    NOW));
                    stores.billing()
                            .insert(
                                    contoso.id(),
                                    new BillingProfile(suiteId, "N", "n@x.test", "1", "NL", "A", "B", "C", null, null));
                    stores.lockouts().update("user:kelley", none -> new Lockout("user:kelley", 1, NOW, null, 0, NOW));
                    stores.licences().save(new LicenceAssignment(contoso.id(), megan.id(), sku, List.of(), NOW));
                    stores.users().delete(contoso.id(), kelley.id());
                    throw new IllegalStateException("fails after writing");
                }))
                .hasMessage("fails after writing");

        assertThat(stores.tenants().findByDomain("northwind.onmicrosoft.test")).isEmpty();
        assertThat(stores.users().findByUpn("megan@contoso.onmicrosoft.test")).isEmpty();
        assertThat(stores.users().findById(contoso.id(), kelley.id())).contains(kelley);
        assertThat(stores.roles().members(admins)).containsExactly(kelley.id());
        assertThat(stores.roles().activated(contoso.id())).containsExactly(admins);
        assertThat(stores.applications().list(contoso.id())).isEmpty();
        assertThat(stores.applications().listServicePrincipals(contoso.id())).isEmpty();
        assertThat(stores.clouds().findById(cloudId)).isEmpty();
        assertThat(stores.assignments().bySubscription(cloudId)).isEmpty();
        assertThat(stores.groups().list(cloudId)).isEmpty();
        assertThat(stores.suites().byTenant(contoso.id())).isEmpty();
        assertThat(stores.billing().findBySubscription(suiteId)).isEmpty();
        assertThat(stores.lockouts().find("user:kelley")).isEmpty();
        assertThat(stores.licences().byUser(contoso.id(), kelley.id())).containsExactly(kelleysLicence);
        assertThat(stores.licences().assignedBySku(contoso.id())).isEqualTo(Map.of(sku, 1));
    }
}
