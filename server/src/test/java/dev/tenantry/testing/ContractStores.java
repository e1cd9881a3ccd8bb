package dev.tenantry.testing;

import dev.tenantry.access.ActivityLogRepository;
import dev.tenantry.access.RoleAssignmentRepository;
import dev.tenantry.directory.DirectoryRoleRepository;
import dev.tenantry.directory.GroupRepository;
import dev.tenantry.directory.GuestRepository;
import dev.tenantry.directory.TenantRepository;
import dev.tenantry.directory.UserRepository;
import dev.tenantry.directory.apps.ApplicationRepository;
import dev.tenantry.identity.LockoutRepository;
import dev.tenantry.subscriptions.BillingProfileRepository;
import dev.tenantry.subscriptions.CloudSubscriptionRepository;
import dev.tenantry.subscriptions.LicenceRepository;
import dev.tenantry.subscriptions.ResourceGroupRepository;
import dev.tenantry.subscriptions.SubscriptionAdministratorRepository;
import dev.tenantry.subscriptions.SuiteSubscriptionRepository;
import dev.tenantry.subscriptions.SupportTicketRepository;

/**
 * Every repository of one server, empty when made: the in-memory fakes ({@link InMemoryStores}) or the Jdbi stores
 * over a fresh database ({@link H2Stores}). A repository contract runs the same tests on both.
 */
public interface ContractStores extends AutoCloseable {

    TenantRepository tenants();

    UserRepository users();

    DirectoryRoleRepository roles();

    ApplicationRepository applications();

    RoleAssignmentRepository assignments();

    CloudSubscriptionRepository clouds();

    SuiteSubscriptionRepository suites();

    BillingProfileRepository billing();

    LicenceRepository licences();

    ResourceGroupRepository groups();

    /** The directory's groups (not resource groups). */
    GroupRepository directoryGroups();

    LockoutRepository lockouts();

    /** Subscriptions' activity logs. */
    ActivityLogRepository activityLog();

    /** Classic administrators and billing ownership transfers of cloud subscriptions (issue 10). */
    SubscriptionAdministratorRepository subscriptionAdministrators();

    SupportTicketRepository supportTickets();

    /** The guest links (issue 10). */
    GuestRepository guests();

    /** Runs {@code work} in one transaction of these stores. */
    void inTransaction(Runnable work);

    /** Frees what the stores hold (a database); nothing for fakes. */
    @Override
    void close();
}
