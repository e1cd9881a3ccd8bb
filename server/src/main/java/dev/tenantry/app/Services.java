package dev.tenantry.app;

import dev.tenantry.access.AccessService;
import dev.tenantry.access.PrincipalDirectory;
import dev.tenantry.access.PrincipalType;
import dev.tenantry.access.storage.JdbiRoleAssignmentRepository;
import dev.tenantry.directory.ApplicationService;
import dev.tenantry.directory.Argon2idPasswordHasher;
import dev.tenantry.directory.BoundedPasswordHasher;
import dev.tenantry.directory.DirectoryService;
import dev.tenantry.directory.storage.JdbiApplicationRepository;
import dev.tenantry.directory.storage.JdbiDirectoryRoleRepository;
import dev.tenantry.directory.storage.JdbiTenantRepository;
import dev.tenantry.directory.storage.JdbiUserRepository;
import dev.tenantry.identity.AccessTokenVerifier;
import dev.tenantry.identity.Audiences;
import dev.tenantry.identity.LockoutPolicy;
import dev.tenantry.identity.LockoutRepository;
import dev.tenantry.identity.LockoutService;
import dev.tenantry.identity.RefreshTokenRepository;
import dev.tenantry.identity.RetentionPurge;
import dev.tenantry.identity.SessionService;
import dev.tenantry.identity.SignInRevocation;
import dev.tenantry.identity.SigningKeys;
import dev.tenantry.identity.TokenService;
import dev.tenantry.identity.WebSessionRepository;
import dev.tenantry.identity.grants.Grants;
import dev.tenantry.identity.storage.JdbiLockoutRepository;
import dev.tenantry.identity.storage.JdbiRefreshTokenRepository;
import dev.tenantry.identity.storage.JdbiSigningKeyRepository;
import dev.tenantry.identity.storage.JdbiWebSessionRepository;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.IdempotencyRecords;
import dev.tenantry.shared.NotFoundException;
import dev.tenantry.shared.Transactions;
import dev.tenantry.storage.Database;
import dev.tenantry.storage.JdbiIdempotencyRecords;
import dev.tenantry.storage.JdbiServerSecrets;
import dev.tenantry.storage.JdbiTransactions;
import dev.tenantry.storage.MasterKey;
import dev.tenantry.subscriptions.ResourceGroupService;
import dev.tenantry.subscriptions.SubscriptionService;
import dev.tenantry.subscriptions.storage.CatalogFile;
import dev.tenantry.subscriptions.storage.JdbiBillingProfileRepository;
import dev.tenantry.subscriptions.storage.JdbiCloudSubscriptionRepository;
import dev.tenantry.subscriptions.storage.JdbiResourceGroupRepository;
import dev.tenantry.subscriptions.storage.JdbiSuiteSubscriptionRepository;
import dev.tenantry.web.Idempotency;
import dev.tenantry.web.PageTokens;
import java.time.Clock;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Every service of the server, built with plain constructors in dependency order. */
public record Services(
        Transactions transactions,
        DirectoryService directory,
        ApplicationService applications,
        SigningKeys signingKeys,
        TokenService tokens,
        AccessTokenVerifier tokenVerifier,
        AccessService access,
        SubscriptionService subscriptions,
        ResourceGroupService resourceGroups,
        Idempotency idempotency,
        PageTokens pageTokens,
        SessionService sessions,
        BoundedPasswordHasher passwordHashing,
        RetentionPurge retentionPurge) {

    static Services create(TenantryConfig config, Database database, MasterKey masterKey, Clock clock) {
        Jdbi jdbi = database.jdbi();
        JdbiSigningKeyRepository signingKeyRepository = new JdbiSigningKeyRepository(jdbi, masterKey);
        JdbiServerSecrets serverSecrets = new JdbiServerSecrets(jdbi, masterKey);
        signingKeyRepository.sealPlaintext(); // keys stored by a version without encryption at rest
        serverSecrets.sealPlaintext();
        Transactions transactions = new JdbiTransactions(jdbi);
        BoundedPasswordHasher passwordHashing = BoundedPasswordHasher.forCores(new Argon2idPasswordHasher());
        DirectoryService directory = new DirectoryService(
                new JdbiTenantRepository(jdbi),
                new JdbiUserRepository(jdbi),
                new JdbiDirectoryRoleRepository(jdbi),
                passwordHashing,
                transactions,
                clock,
                config.domainSuffix());
        ApplicationService applications =
                new ApplicationService(new JdbiApplicationRepository(jdbi), directory.access(), transactions, clock);
        directory.onTenantCreated(applications::provisionTenant);
        SigningKeys signingKeys = SigningKeys.loadOrCreate(signingKeyRepository, clock);
        RefreshTokenRepository refreshTokens = new JdbiRefreshTokenRepository(jdbi);
        WebSessionRepository webSessions = new JdbiWebSessionRepository(jdbi);
        directory.onSignInsRevoked(new SignInRevocation(webSessions, refreshTokens)::revokeAll);
        LockoutRepository lockoutCounts = new JdbiLockoutRepository(jdbi);
        LockoutService lockouts =
                new LockoutService(directory, applications, lockoutCounts, LockoutPolicy.defaults(), clock);
        Audiences audiences = new Audiences(config.ownOrigin());
        TokenService tokens =
                new TokenService(Grants.standard(directory, lockouts, signingKeys, refreshTokens, audiences, clock));
        IdempotencyRecords idempotencyRecords = new JdbiIdempotencyRecords(jdbi);
        AccessService access = new AccessService(
                new JdbiRoleAssignmentRepository(jdbi), principals(directory, applications), transactions, clock);
        SubscriptionService subscriptions = new SubscriptionService(
                CatalogFile.load(config.catalogFile()),
                directory,
                access,
                new JdbiCloudSubscriptionRepository(jdbi),
                new JdbiSuiteSubscriptionRepository(jdbi),
                new JdbiBillingProfileRepository(jdbi),
                transactions,
                clock);
        ResourceGroupService resourceGroups = new ResourceGroupService(
                subscriptions, access, new JdbiResourceGroupRepository(jdbi), transactions, clock);
        return new Services(
                transactions,
                directory,
                applications,
                signingKeys,
                tokens,
                new AccessTokenVerifier(signingKeys, audiences, clock),
                access,
                subscriptions,
                resourceGroups,
                new Idempotency(idempotencyRecords, transactions, clock),
                new PageTokens(serverSecrets),
                new SessionService(lockouts, webSessions, transactions, clock),
                passwordHashing,
                new RetentionPurge(webSessions, refreshTokens, idempotencyRecords, lockoutCounts, clock));
    }

    /** Users and service principals of a directory, as role assignments may name them. */
    private static PrincipalDirectory principals(DirectoryService directory, ApplicationService applications) {
        return (tenantId, principalId) -> {
            try {
                directory.getUser(Caller.system(), tenantId, principalId.toString());
                return Optional.of(PrincipalType.USER);
            } catch (NotFoundException notAUser) {
                try {
                    applications.getServicePrincipal(Caller.system(), tenantId, principalId);
                    return Optional.of(PrincipalType.SERVICE_PRINCIPAL);
                } catch (NotFoundException notAServicePrincipal) {
                    return Optional.empty();
                }
            }
        };
    }
}
