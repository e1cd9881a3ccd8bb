package dev.tenantry.testing;

/**
 * The in-memory fakes, wired as {@link TestWorld} wires them: deleting a user drops its role memberships, and the
 * account administrator of a cloud subscription cannot be deleted; {@link #transactions()} roll them all back.
 */
public final class InMemoryStores implements ContractStores {

    private final InMemoryTenantRepository tenants = new InMemoryTenantRepository();
    private final InMemoryDirectoryRoleRepository roles = new InMemoryDirectoryRoleRepository();
    private final InMemoryCloudSubscriptionRepository clouds = new InMemoryCloudSubscriptionRepository();
    private final InMemoryLicenceRepository licences = new InMemoryLicenceRepository();
    private final InMemoryGroupRepository directoryGroups =
            new InMemoryGroupRepository((tenant, id) -> this.users.findById(tenant, id), id -> {
                this.licences.forgetGroup(id);
                this.applications.forgetPrincipal(id);
            });
    private final InMemoryUserRepository users = InMemoryUserRepository.cascading(
            roles, licences, clouds, this.directoryGroups, id -> this.applications.forgetPrincipal(id));
    private final InMemoryApplicationRepository applications = new InMemoryApplicationRepository();
    private final InMemoryRoleAssignmentRepository assignments = new InMemoryRoleAssignmentRepository();
    private final InMemorySuiteSubscriptionRepository suites = new InMemorySuiteSubscriptionRepository();
    private final InMemoryBillingProfileRepository billing = new InMemoryBillingProfileRepository();
    private final InMemoryResourceGroupRepository groups = new InMemoryResourceGroupRepository();
    private final InMemoryLockoutRepository lockouts = new InMemoryLockoutRepository();
    private final InMemoryActivityLogRepository activityLog = new InMemoryActivityLogRepository();
    private final InMemorySubscriptionAdministratorRepository subscriptionAdministrators =
            new InMemorySubscriptionAdministratorRepository();
    private final InMemorySupportTicketRepository supportTickets = new InMemorySupportTicketRepository();
    private final InMemoryGuestRepository guests = new InMemoryGuestRepository(users);
    private final DirectTransactions transactions = new DirectTransactions(
            tenants,
            roles,
            users,
            applications,
            assignments,
            clouds,
            suites,
            billing,
            groups,
            lockouts,
            licences,
            directoryGroups,
            activityLog,
            subscriptionAdministrators,
            supportTickets,
            guests);

    @Override
    public InMemorySupportTicketRepository supportTickets() {
        return supportTickets;
    }

    @Override
    public InMemoryTenantRepository tenants() {
        return tenants;
    }

    @Override
    public InMemoryUserRepository users() {
        return users;
    }

    @Override
    public InMemoryDirectoryRoleRepository roles() {
        return roles;
    }

    @Override
    public InMemoryApplicationRepository applications() {
        return applications;
    }

    @Override
    public InMemoryRoleAssignmentRepository assignments() {
        return assignments;
    }

    @Override
    public InMemoryCloudSubscriptionRepository clouds() {
        return clouds;
    }

    @Override
    public InMemorySuiteSubscriptionRepository suites() {
        return suites;
    }

    @Override
    public InMemoryBillingProfileRepository billing() {
        return billing;
    }

    @Override
    public InMemoryLicenceRepository licences() {
        return licences;
    }

    @Override
    public InMemoryResourceGroupRepository groups() {
        return groups;
    }

    @Override
    public InMemoryGroupRepository directoryGroups() {
        return directoryGroups;
    }

    @Override
    public InMemoryLockoutRepository lockouts() {
        return lockouts;
    }

    @Override
    public InMemoryActivityLogRepository activityLog() {
        return activityLog;
    }

    @Override
    public InMemorySubscriptionAdministratorRepository subscriptionAdministrators() {
        return subscriptionAdministrators;
    }

    @Override
    public InMemoryGuestRepository guests() {
        return guests;
    }

    /** Transactions that roll every fake here back when their work throws. */
    public DirectTransactions transactions() {
        return transactions;
    }

    @Override
    public void inTransaction(Runnable work) {
        transactions.run(work);
    }

    @Override
    public void close() {
        // nothing to free
    }
}
