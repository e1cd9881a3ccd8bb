package dev.tenantry.testing;

import dev.tenantry.access.AccessService;
import dev.tenantry.access.PrincipalDirectory;
import dev.tenantry.access.PrincipalType;
import dev.tenantry.directory.DirectoryService;
import dev.tenantry.shared.UserId;
import dev.tenantry.subscriptions.ResourceGroupService;
import dev.tenantry.subscriptions.SubscriptionService;
import dev.tenantry.subscriptions.storage.CatalogFile;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The services of one server wired over in-memory fakes, with a fixed clock and transactions that roll the fakes back;
 * a fresh world per test.
 */
public final class TestWorld {

    /** The instant the fixed clock shows. */
    public static final Instant NOW = Instant.parse("2025-06-15T10:00:00Z");

    /** The suffix of every initial domain, as the server's default configuration has it. */
    public static final String DOMAIN_SUFFIX = "onmicrosoft.test";

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final PlainPasswordHasher passwords = new PlainPasswordHasher();
    private final InMemoryTenantRepository tenants = new InMemoryTenantRepository();
    private final InMemoryDirectoryRoleRepository roles = new InMemoryDirectoryRoleRepository();
    private final InMemoryCloudSubscriptionRepository clouds = new InMemoryCloudSubscriptionRepository();
    private final InMemoryUserRepository users = new InMemoryUserRepository(roles::forget, clouds::administeredBy);
    private final InMemoryRoleAssignmentRepository assignments = new InMemoryRoleAssignmentRepository();
    private final InMemorySuiteSubscriptionRepository suites = new InMemorySuiteSubscriptionRepository();
    private final InMemoryBillingProfileRepository billing = new InMemoryBillingProfileRepository();
    private final InMemoryResourceGroupRepository groups = new InMemoryResourceGroupRepository();
    private final DirectTransactions transactions =
            new DirectTransactions(tenants, roles, users, assignments, clouds, suites, billing, groups);
    private final DirectoryService directory;
    private final AccessService access;
    private final SubscriptionService subscriptions;
    private final ResourceGroupService resourceGroups;

    private TestWorld() {
        directory = new DirectoryService(tenants, users, roles, passwords, transactions, clock, DOMAIN_SUFFIX);
        PrincipalDirectory principals = (tenantId, principalId) ->
                users.findById(tenantId, new UserId(principalId)).map(user -> PrincipalType.USER);
        access = new AccessService(assignments, principals, transactions, clock);
        subscriptions = new SubscriptionService(
                CatalogFile.load(null), directory, access, clouds, suites, billing, transactions, clock);
        resourceGroups = new ResourceGroupService(subscriptions, access, groups, transactions, clock);
    }

    /** A new, empty world. */
    public static TestWorld create() {
        return new TestWorld();
    }

    public Clock clock() {
        return clock;
    }

    /** The transactions every service of this world runs in: a failed one leaves no trace in the fakes. */
    public DirectTransactions transactions() {
        return transactions;
    }

    public DirectoryService directory() {
        return directory;
    }

    public AccessService access() {
        return access;
    }

    public SubscriptionService subscriptions() {
        return subscriptions;
    }

    public ResourceGroupService resourceGroups() {
        return resourceGroups;
    }

    public PlainPasswordHasher passwords() {
        return passwords;
    }

    public InMemoryTenantRepository tenants() {
        return tenants;
    }

    public InMemoryUserRepository users() {
        return users;
    }

    public InMemoryDirectoryRoleRepository roles() {
        return roles;
    }

    public InMemoryRoleAssignmentRepository assignments() {
        return assignments;
    }

    public InMemoryCloudSubscriptionRepository clouds() {
        return clouds;
    }

    public InMemorySuiteSubscriptionRepository suites() {
        return suites;
    }

    public InMemoryBillingProfileRepository billing() {
        return billing;
    }

    public InMemoryResourceGroupRepository groups() {
        return groups;
    }
}
