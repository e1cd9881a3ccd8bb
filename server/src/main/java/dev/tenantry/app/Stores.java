package dev.tenantry.app;

import dev.tenantry.access.ActivityLogRepository;
import dev.tenantry.access.RoleAssignmentRepository;
import dev.tenantry.access.storage.JdbiActivityLogRepository;
import dev.tenantry.access.storage.JdbiRoleAssignmentRepository;
import dev.tenantry.directory.AuditRepository;
import dev.tenantry.directory.DirectoryRoleRepository;
import dev.tenantry.directory.GroupRepository;
import dev.tenantry.directory.GuestRepository;
import dev.tenantry.directory.TenantRepository;
import dev.tenantry.directory.UserRepository;
import dev.tenantry.directory.apps.ApplicationRepository;
import dev.tenantry.directory.apps.KeyCredentialRepository;
import dev.tenantry.directory.apps.TokenLifetimePolicyRepository;
import dev.tenantry.directory.storage.JdbiApplicationRepository;
import dev.tenantry.directory.storage.JdbiAuditRepository;
import dev.tenantry.directory.storage.JdbiDirectoryRoleRepository;
import dev.tenantry.directory.storage.JdbiGroupRepository;
import dev.tenantry.directory.storage.JdbiGuestRepository;
import dev.tenantry.directory.storage.JdbiKeyCredentialRepository;
import dev.tenantry.directory.storage.JdbiTenantRepository;
import dev.tenantry.directory.storage.JdbiTokenLifetimePolicyRepository;
import dev.tenantry.directory.storage.JdbiUserRepository;
import dev.tenantry.identity.CachedLockoutRepository;
import dev.tenantry.identity.ClientAssertionReplays;
import dev.tenantry.identity.DeviceCodeRepository;
import dev.tenantry.identity.LockoutRepository;
import dev.tenantry.identity.RefreshTokenRepository;
import dev.tenantry.identity.SigningKeyRepository;
import dev.tenantry.identity.WebSessionRepository;
import dev.tenantry.identity.storage.JdbiClientAssertionReplays;
import dev.tenantry.identity.storage.JdbiDeviceCodeRepository;
import dev.tenantry.identity.storage.JdbiLockoutRepository;
import dev.tenantry.identity.storage.JdbiRefreshTokenRepository;
import dev.tenantry.identity.storage.JdbiSigningKeyRepository;
import dev.tenantry.identity.storage.JdbiWebSessionRepository;
import dev.tenantry.shared.CacheGeneration;
import dev.tenantry.shared.GenerationBumping;
import dev.tenantry.shared.IdempotencyRecords;
import dev.tenantry.shared.ServerSecrets;
import dev.tenantry.shared.Transactions;
import dev.tenantry.storage.JdbiCacheGeneration;
import dev.tenantry.storage.JdbiIdempotencyRecords;
import dev.tenantry.storage.JdbiServerSecrets;
import dev.tenantry.storage.JdbiTransactions;
import dev.tenantry.storage.MasterKey;
import dev.tenantry.subscriptions.BillingProfileRepository;
import dev.tenantry.subscriptions.CloudSubscriptionRepository;
import dev.tenantry.subscriptions.LicenceRepository;
import dev.tenantry.subscriptions.ManagedIdentityRepository;
import dev.tenantry.subscriptions.ResourceGroupRepository;
import dev.tenantry.subscriptions.SubscriptionAdministratorRepository;
import dev.tenantry.subscriptions.SuiteSubscriptionRepository;
import dev.tenantry.subscriptions.SupportTicketRepository;
import dev.tenantry.subscriptions.storage.JdbiBillingProfileRepository;
import dev.tenantry.subscriptions.storage.JdbiCloudSubscriptionRepository;
import dev.tenantry.subscriptions.storage.JdbiLicenceRepository;
import dev.tenantry.subscriptions.storage.JdbiManagedIdentityRepository;
import dev.tenantry.subscriptions.storage.JdbiResourceGroupRepository;
import dev.tenantry.subscriptions.storage.JdbiSubscriptionAdministratorRepository;
import dev.tenantry.subscriptions.storage.JdbiSuiteSubscriptionRepository;
import dev.tenantry.subscriptions.storage.JdbiSupportTicketRepository;
import org.jdbi.v3.core.Jdbi;

/**
 * Every port the services store through, and the transactions around them: the SQL stores in the server, in-memory
 * fakes in unit tests. {@link Services#wire} builds the same services over either.
 */
public record Stores(
        Transactions transactions,
        TenantRepository tenants,
        UserRepository users,
        DirectoryRoleRepository directoryRoles,
        GroupRepository directoryGroups,
        AuditRepository audits,
        ApplicationRepository applications,
        RoleAssignmentRepository roleAssignments,
        CloudSubscriptionRepository cloudSubscriptions,
        SuiteSubscriptionRepository suiteSubscriptions,
        BillingProfileRepository billingProfiles,
        LicenceRepository licences,
        ResourceGroupRepository resourceGroups,
        RefreshTokenRepository refreshTokens,
        WebSessionRepository webSessions,
        LockoutRepository lockouts,
        SigningKeyRepository signingKeys,
        IdempotencyRecords idempotencyRecords,
        ServerSecrets serverSecrets,
        ActivityLogRepository activityLog,
        SubscriptionAdministratorRepository subscriptionAdministrators,
        SupportTicketRepository supportTickets,
        GuestRepository guests,
        KeyCredentialRepository keyCredentials,
        ClientAssertionReplays clientAssertionReplays,
        DeviceCodeRepository deviceCodes,
        CacheGeneration cacheGeneration,
        ManagedIdentityRepository managedIdentities,
        TokenLifetimePolicyRepository tokenLifetimePolicies) {

    /** The SQL stores over {@code jdbi}; secrets at rest are sealed with {@code masterKey}. */
    public static Stores sql(Jdbi jdbi, MasterKey masterKey) {
        JdbiSigningKeyRepository signingKeys = new JdbiSigningKeyRepository(jdbi, masterKey);
        JdbiServerSecrets serverSecrets = new JdbiServerSecrets(jdbi, masterKey);
        signingKeys.sealPlaintext(); // keys stored by a version without encryption at rest
        serverSecrets.sealPlaintext();
        // every write to applications, secrets, service principals and their roles invalidates the token path's cache
        JdbiCacheGeneration cacheGeneration = new JdbiCacheGeneration(jdbi);
        return new Stores(
                new JdbiTransactions(jdbi),
                new JdbiTenantRepository(jdbi),
                new JdbiUserRepository(jdbi),
                new JdbiDirectoryRoleRepository(jdbi),
                new JdbiGroupRepository(jdbi),
                new JdbiAuditRepository(jdbi),
                GenerationBumping.wrap(
                        ApplicationRepository.class, new JdbiApplicationRepository(jdbi), cacheGeneration),
                new JdbiRoleAssignmentRepository(jdbi),
                new JdbiCloudSubscriptionRepository(jdbi),
                new JdbiSuiteSubscriptionRepository(jdbi),
                new JdbiBillingProfileRepository(jdbi),
                new JdbiLicenceRepository(jdbi),
                new JdbiResourceGroupRepository(jdbi),
                new JdbiRefreshTokenRepository(jdbi),
                new JdbiWebSessionRepository(jdbi),
                CachedLockoutRepository.over(
                        new JdbiLockoutRepository(jdbi), new JdbiCacheGeneration(jdbi, "lockouts")),
                signingKeys,
                new JdbiIdempotencyRecords(jdbi),
                serverSecrets,
                new JdbiActivityLogRepository(jdbi),
                new JdbiSubscriptionAdministratorRepository(jdbi),
                new JdbiSupportTicketRepository(jdbi),
                new JdbiGuestRepository(jdbi),
                new JdbiKeyCredentialRepository(jdbi),
                new JdbiClientAssertionReplays(jdbi),
                new JdbiDeviceCodeRepository(jdbi),
                cacheGeneration,
                new JdbiManagedIdentityRepository(jdbi),
                GenerationBumping.wrap(
                        TokenLifetimePolicyRepository.class,
                        new JdbiTokenLifetimePolicyRepository(jdbi),
                        cacheGeneration));
    }
}
