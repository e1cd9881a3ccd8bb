package dev.tenantry.testing;

import dev.tenantry.access.AccessService;
import dev.tenantry.app.Services;
import dev.tenantry.app.Stores;
import dev.tenantry.directory.credentials.CredentialService;
import dev.tenantry.directory.groups.GroupService;
import dev.tenantry.directory.guests.GuestService;
import dev.tenantry.directory.roles.DirectoryRoleService;
import dev.tenantry.directory.tenants.TenantService;
import dev.tenantry.directory.users.UserService;
import dev.tenantry.identity.InMemoryIdentityStores;
import dev.tenantry.identity.LockoutPolicy;
import dev.tenantry.shared.CacheGeneration;
import dev.tenantry.subscriptions.BillingOwnershipTransfers;
import dev.tenantry.subscriptions.LicenceService;
import dev.tenantry.subscriptions.ResourceGroupService;
import dev.tenantry.subscriptions.SubscriptionAdministrators;
import dev.tenantry.subscriptions.SubscriptionService;
import dev.tenantry.subscriptions.storage.CatalogFile;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The services of one server, wired by the server's composition root over in-memory fakes, with a fixed clock and
 * transactions that roll the fakes back; a fresh world per test.
 */
public final class TestWorld {

    /** The instant the fixed clock shows. */
    public static final Instant NOW = Instant.parse("2025-06-15T10:00:00Z");

    /** The suffix of every initial domain, as the server's default configuration has it. */
    public static final String DOMAIN_SUFFIX = "onmicrosoft.test";

    // one signing key for every world: generating an RSA key is the slow part of building the services
    private static final InMemoryIdentityStores.SigningKeyStore SIGNING_KEYS =
            new InMemoryIdentityStores.SigningKeyStore();

    private final Clock clock;
    private final PlainPasswordHasher passwords = new PlainPasswordHasher();
    private final InMemoryTenantRepository tenants = new InMemoryTenantRepository();
    private final InMemoryDirectoryRoleRepository roles = new InMemoryDirectoryRoleRepository();
    private final InMemoryCloudSubscriptionRepository clouds = new InMemoryCloudSubscriptionRepository();
    private final InMemoryLicenceRepository licences = new InMemoryLicenceRepository();
    private final InMemoryGroupRepository directoryGroups =
            new InMemoryGroupRepository((tenant, id) -> this.users.findById(tenant, id), id -> {
                this.licences.forgetGroup(id);
                this.applications.forgetPrincipal(id);
            });
    private final InMemoryAuditRepository audits = new InMemoryAuditRepository();
    private final InMemoryUserRepository users = InMemoryUserRepository.cascading(
            roles, licences, clouds, this.directoryGroups, id -> this.applications.forgetPrincipal(id));
    private final InMemoryRoleAssignmentRepository assignments = new InMemoryRoleAssignmentRepository();
    private final InMemoryActivityLogRepository activityLog = new InMemoryActivityLogRepository();
    private final InMemorySuiteSubscriptionRepository suites = new InMemorySuiteSubscriptionRepository();
    private final InMemoryBillingProfileRepository billing = new InMemoryBillingProfileRepository();
    private final InMemoryResourceGroupRepository groups = new InMemoryResourceGroupRepository();
    private final InMemoryApplicationRepository applications = new InMemoryApplicationRepository();
    private final InMemoryLockoutRepository lockouts = new InMemoryLockoutRepository();
    private final InMemorySubscriptionAdministratorRepository subscriptionAdministrators =
            new InMemorySubscriptionAdministratorRepository();
    private final InMemorySupportTicketRepository supportTickets = new InMemorySupportTicketRepository();
    private final InMemoryGuestRepository guests = new InMemoryGuestRepository(users);
    private final InMemoryKeyCredentialRepository keyCredentials = new InMemoryKeyCredentialRepository();
    private final InMemoryClientAssertionReplays clientAssertionReplays = new InMemoryClientAssertionReplays();
    private final InMemoryDeviceCodeRepository deviceCodes = new InMemoryDeviceCodeRepository();
    private final InMemoryManagedIdentityRepository managedIdentities = new InMemoryManagedIdentityRepository();
    private final InMemoryTokenLifetimePolicyRepository tokenLifetimePolicies =
            new InMemoryTokenLifetimePolicyRepository(applications);
    private final DirectTransactions transactions = new DirectTransactions(
            tenants,
            roles,
            users,
            assignments,
            clouds,
            suites,
            billing,
            groups,
            applications,
            lockouts,
            licences,
            directoryGroups,
            audits,
            activityLog,
            subscriptionAdministrators,
            supportTickets,
            guests,
            keyCredentials,
            deviceCodes,
            managedIdentities,
            tokenLifetimePolicies);
    private final InMemoryIdentityStores.RefreshTokens refreshTokens = new InMemoryIdentityStores.RefreshTokens();
    private final Services services;

    private TestWorld(Clock clock) {
        this.clock = clock;
        Stores stores = new Stores(
                transactions,
                tenants,
                users,
                roles,
                directoryGroups,
                audits,
                applications,
                assignments,
                clouds,
                suites,
                billing,
                licences,
                groups,
                refreshTokens,
                new InMemoryWebSessionRepository(),
                lockouts,
                SIGNING_KEYS,
                new InMemoryIdempotencyRecords(),
                new InMemoryServerSecrets(),
                activityLog,
                subscriptionAdministrators,
                supportTickets,
                guests,
                keyCredentials,
                clientAssertionReplays,
                deviceCodes,
                CacheGeneration.NONE, // the token path caches nothing over the fakes
                managedIdentities,
                tokenLifetimePolicies);
        services = Services.wire(
                stores,
                passwords,
                new Services.Settings(DOMAIN_SUFFIX, null, CatalogFile.load(null), LockoutPolicy.defaults()),
                clock);
    }

    /** A new, empty world. */
    public static TestWorld create() {
        return new TestWorld(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** A new, empty world whose services read {@code clock}, for tests that move time. */
    public static TestWorld create(Clock clock) {
        return new TestWorld(clock);
    }

    public Clock clock() {
        return clock;
    }

    /** The services, wired by the server's own composition root over this world's fakes. */
    public Services services() {
        return services;
    }

    /** The transactions every service of this world runs in: a failed one leaves no trace in the fakes. */
    public DirectTransactions transactions() {
        return transactions;
    }

    public TenantService tenantService() {
        return services.tenants();
    }

    public UserService userService() {
        return services.users();
    }

    public DirectoryRoleService roleService() {
        return services.directoryRoles();
    }

    public CredentialService credentials() {
        return services.credentials();
    }

    public AccessService access() {
        return services.access();
    }

    public SubscriptionService subscriptions() {
        return services.subscriptions();
    }

    public GroupService groupService() {
        return services.groups();
    }

    public LicenceService licences() {
        return services.licences();
    }

    public InMemoryLicenceRepository licenceStore() {
        return licences;
    }

    public ResourceGroupService resourceGroups() {
        return services.resourceGroups();
    }

    public PlainPasswordHasher passwords() {
        return passwords;
    }

    public InMemoryLockoutRepository lockouts() {
        return lockouts;
    }

    public InMemoryIdentityStores.RefreshTokens refreshTokens() {
        return refreshTokens;
    }

    public InMemoryTenantRepository tenants() {
        return tenants;
    }

    /** The directory's audit log. */
    public InMemoryAuditRepository audits() {
        return audits;
    }

    /** The directory's groups (not resource groups: {@link #groups()}). */
    public InMemoryGroupRepository directoryGroups() {
        return directoryGroups;
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

    /** Subscriptions' activity logs. */
    public InMemoryActivityLogRepository activityLog() {
        return activityLog;
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

    /** The classic administrators of cloud subscriptions and their billing ownership transfers (issue 10). */
    public SubscriptionAdministrators administrators() {
        return services.subscriptionAdministrators();
    }

    public BillingOwnershipTransfers billingTransfers() {
        return services.billingTransfers();
    }

    public InMemorySubscriptionAdministratorRepository subscriptionAdministrators() {
        return subscriptionAdministrators;
    }

    public InMemoryResourceGroupRepository groups() {
        return groups;
    }

    /** The guest links of every directory (issue 10). */
    public InMemoryGuestRepository guests() {
        return guests;
    }

    public GuestService guestService() {
        return services.guests();
    }
}
