package dev.tenantry.testing;

import dev.tenantry.access.ActivityLogRepository;
import dev.tenantry.access.RoleAssignmentRepository;
import dev.tenantry.access.storage.JdbiActivityLogRepository;
import dev.tenantry.access.storage.JdbiRoleAssignmentRepository;
import dev.tenantry.directory.DirectoryRoleRepository;
import dev.tenantry.directory.GroupRepository;
import dev.tenantry.directory.GuestRepository;
import dev.tenantry.directory.TenantRepository;
import dev.tenantry.directory.UserRepository;
import dev.tenantry.directory.apps.ApplicationRepository;
import dev.tenantry.directory.storage.JdbiApplicationRepository;
import dev.tenantry.directory.storage.JdbiDirectoryRoleRepository;
import dev.tenantry.directory.storage.JdbiGroupRepository;
import dev.tenantry.directory.storage.JdbiGuestRepository;
import dev.tenantry.directory.storage.JdbiTenantRepository;
import dev.tenantry.directory.storage.JdbiUserRepository;
import dev.tenantry.identity.LockoutRepository;
import dev.tenantry.identity.storage.JdbiLockoutRepository;
import dev.tenantry.storage.Database;
import dev.tenantry.storage.JdbiTransactions;
import dev.tenantry.subscriptions.BillingProfileRepository;
import dev.tenantry.subscriptions.CloudSubscriptionRepository;
import dev.tenantry.subscriptions.LicenceRepository;
import dev.tenantry.subscriptions.ResourceGroupRepository;
import dev.tenantry.subscriptions.SubscriptionAdministratorRepository;
import dev.tenantry.subscriptions.SuiteSubscriptionRepository;
import dev.tenantry.subscriptions.SupportTicketRepository;
import dev.tenantry.subscriptions.storage.JdbiBillingProfileRepository;
import dev.tenantry.subscriptions.storage.JdbiCloudSubscriptionRepository;
import dev.tenantry.subscriptions.storage.JdbiLicenceRepository;
import dev.tenantry.subscriptions.storage.JdbiResourceGroupRepository;
import dev.tenantry.subscriptions.storage.JdbiSubscriptionAdministratorRepository;
import dev.tenantry.subscriptions.storage.JdbiSuiteSubscriptionRepository;
import dev.tenantry.subscriptions.storage.JdbiSupportTicketRepository;
import org.jdbi.v3.core.Jdbi;

/** The Jdbi stores the server runs on, over a new, migrated, private H2 database (see {@link TestDatabases}). */
public final class H2Stores implements ContractStores {

    private final Database database = TestDatabases.h2();
    private final Jdbi jdbi = database.jdbi();
    private final JdbiTransactions transactions = new JdbiTransactions(jdbi);

    @Override
    public SupportTicketRepository supportTickets() {
        return new JdbiSupportTicketRepository(jdbi);
    }

    /** The database's Jdbi, for stores this class does not list. */
    public Jdbi jdbi() {
        return jdbi;
    }

    @Override
    public TenantRepository tenants() {
        return new JdbiTenantRepository(jdbi);
    }

    @Override
    public GroupRepository directoryGroups() {
        return new JdbiGroupRepository(jdbi);
    }

    @Override
    public UserRepository users() {
        return new JdbiUserRepository(jdbi);
    }

    @Override
    public DirectoryRoleRepository roles() {
        return new JdbiDirectoryRoleRepository(jdbi);
    }

    @Override
    public ApplicationRepository applications() {
        return new JdbiApplicationRepository(jdbi);
    }

    @Override
    public ActivityLogRepository activityLog() {
        return new JdbiActivityLogRepository(jdbi);
    }

    @Override
    public RoleAssignmentRepository assignments() {
        return new JdbiRoleAssignmentRepository(jdbi);
    }

    @Override
    public CloudSubscriptionRepository clouds() {
        return new JdbiCloudSubscriptionRepository(jdbi);
    }

    @Override
    public SuiteSubscriptionRepository suites() {
        return new JdbiSuiteSubscriptionRepository(jdbi);
    }

    @Override
    public BillingProfileRepository billing() {
        return new JdbiBillingProfileRepository(jdbi);
    }

    @Override
    public LicenceRepository licences() {
        return new JdbiLicenceRepository(jdbi);
    }

    @Override
    public ResourceGroupRepository groups() {
        return new JdbiResourceGroupRepository(jdbi);
    }

    @Override
    public LockoutRepository lockouts() {
        return new JdbiLockoutRepository(jdbi);
    }

    @Override
    public SubscriptionAdministratorRepository subscriptionAdministrators() {
        return new JdbiSubscriptionAdministratorRepository(jdbi);
    }

    @Override
    public GuestRepository guests() {
        return new JdbiGuestRepository(jdbi);
    }

    @Override
    public void inTransaction(Runnable work) {
        transactions.run(work);
    }

    @Override
    public void close() {
        database.close();
    }
}
