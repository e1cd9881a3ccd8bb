package dev.tenantry.app;

import dev.tenantry.access.AccessService;
import dev.tenantry.access.ActivityLog;
import dev.tenantry.access.ActivityLogService;
import dev.tenantry.access.PrincipalDirectory;
import dev.tenantry.access.PrincipalType;
import dev.tenantry.directory.Audit;
import dev.tenantry.directory.DirectoryAccess;
import dev.tenantry.directory.DirectoryMemberships;
import dev.tenantry.directory.GlobalAdministrators;
import dev.tenantry.directory.Group;
import dev.tenantry.directory.GuestMemberships;
import dev.tenantry.directory.NewUsers;
import dev.tenantry.directory.PasswordHasher;
import dev.tenantry.directory.SignInRevoker;
import dev.tenantry.directory.apps.ApplicationKeyService;
import dev.tenantry.directory.apps.ApplicationService;
import dev.tenantry.directory.apps.ExposedApiService;
import dev.tenantry.directory.apps.PermissionGrantService;
import dev.tenantry.directory.apps.RedirectUriService;
import dev.tenantry.directory.apps.TokenLifetimePolicyService;
import dev.tenantry.directory.apps.TokenLifetimes;
import dev.tenantry.directory.audit.AuditLogService;
import dev.tenantry.directory.credentials.CredentialService;
import dev.tenantry.directory.groups.GroupService;
import dev.tenantry.directory.guests.GuestService;
import dev.tenantry.directory.roles.DirectoryRoleService;
import dev.tenantry.directory.tenants.TenantService;
import dev.tenantry.directory.users.UserService;
import dev.tenantry.identity.AccessTokenVerifier;
import dev.tenantry.identity.Audiences;
import dev.tenantry.identity.AuthorizationService;
import dev.tenantry.identity.DeviceCodeService;
import dev.tenantry.identity.DirectoryApis;
import dev.tenantry.identity.IssuerKeys;
import dev.tenantry.identity.KeyPossessionProofs;
import dev.tenantry.identity.LockoutPolicy;
import dev.tenantry.identity.LockoutService;
import dev.tenantry.identity.RetentionPurge;
import dev.tenantry.identity.SessionService;
import dev.tenantry.identity.SignInRevocation;
import dev.tenantry.identity.SigningKeys;
import dev.tenantry.identity.TokenService;
import dev.tenantry.identity.TokenSigner;
import dev.tenantry.identity.grants.Grants;
import dev.tenantry.identity.grants.ManagedIdentityTokens;
import dev.tenantry.shared.GenerationCache;
import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.UserId;
import dev.tenantry.subscriptions.BillingOwnershipTransfers;
import dev.tenantry.subscriptions.Catalog;
import dev.tenantry.subscriptions.ChangeDirectoryService;
import dev.tenantry.subscriptions.CloudLifecycleService;
import dev.tenantry.subscriptions.ComputeHostService;
import dev.tenantry.subscriptions.LicenceService;
import dev.tenantry.subscriptions.ManagedIdentityService;
import dev.tenantry.subscriptions.ReadOnlyDisabledSubscriptions;
import dev.tenantry.subscriptions.ResourceGroupService;
import dev.tenantry.subscriptions.SubscriptionAdministrators;
import dev.tenantry.subscriptions.SubscriptionService;
import dev.tenantry.subscriptions.SuiteLifecycleService;
import dev.tenantry.subscriptions.SupportService;
import dev.tenantry.subscriptions.storage.CatalogFile;
import dev.tenantry.web.Idempotency;
import dev.tenantry.web.PageTokens;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Every service of the server, built in one place with plain constructors in dependency order: the composition root
 * the server, the integration tests and the unit tests share, over SQL stores or in-memory fakes ({@link Stores}).
 */
public record Services(
        Stores stores,
        TenantService tenants,
        UserService users,
        DirectoryRoleService directoryRoles,
        GroupService groups,
        AuditLogService auditLogs,
        CredentialService credentials,
        ApplicationService applications,
        SigningKeys signingKeys,
        TokenService tokens,
        AccessTokenVerifier tokenVerifier,
        AccessService access,
        SubscriptionService subscriptions,
        LicenceService licences,
        SuiteLifecycleService suiteLifecycle,
        ResourceGroupService resourceGroups,
        Idempotency idempotency,
        PageTokens pageTokens,
        SessionService sessions,
        RetentionPurge retentionPurge,
        ActivityLogService activityLog,
        SubscriptionAdministrators subscriptionAdministrators,
        BillingOwnershipTransfers billingTransfers,
        CloudLifecycleService cloudLifecycle,
        ChangeDirectoryService changeDirectory,
        SupportService support,
        GuestService guests,
        DirectoryMemberships memberships,
        RedirectUriService redirectUris,
        PermissionGrantService permissionGrants,
        AuthorizationService authorization,
        ApplicationKeyService keyCredentials,
        DeviceCodeService deviceCodes,
        ExposedApiService exposedApis,
        ManagedIdentityService managedIdentities,
        ComputeHostService computeHosts,
        ManagedIdentityTokens managedIdentityTokens,
        TokenLifetimePolicyService tokenLifetimePolicies) {

    /** What the wiring needs besides the stores: the server's settings that shape behaviour. */
    public record Settings(
            String domainSuffix,
            String ownOrigin,
            Catalog catalog,
            LockoutPolicy lockoutPolicy,
            IssuerKeys issuerKeys) {

        /** Without external issuers' keys: federated identity credentials prove nothing (issue 11). */
        public Settings(String domainSuffix, String ownOrigin, Catalog catalog, LockoutPolicy lockoutPolicy) {
            this(domainSuffix, ownOrigin, catalog, lockoutPolicy, null);
        }

        /** These settings, fetching external issuers' keys with {@code keys} (issue 11). */
        public Settings withIssuerKeys(IssuerKeys keys) {
            return new Settings(domainSuffix, ownOrigin, catalog, lockoutPolicy, keys);
        }

        /** The settings of a configured server. */
        static Settings of(TenantryConfig config) {
            return new Settings(
                    config.domainSuffix(),
                    config.ownOrigin(),
                    CatalogFile.load(config.catalogFile()),
                    LockoutPolicy.defaults());
        }
    }

    /** What a user let a client use, as the token path caches it. */
    private record ConsentKey(TenantId tenantId, UserId userId, UUID clientId) {}

    /** Whether a client is public, as the token path caches it. */
    private record PublicClientKey(UUID clientId) {}

    /** Builds every service over {@code stores}; {@code passwords} hashes and checks passwords. */
    public static Services wire(Stores stores, PasswordHasher passwords, Settings settings, Clock clock) {
        var transactions = stores.transactions();
        var directoryAccess = new DirectoryAccess(stores.directoryRoles());
        var globalAdministrators =
                new GlobalAdministrators(stores.tenants(), stores.users(), stores.directoryRoles(), directoryAccess);
        var newUsers = new NewUsers(stores.users(), passwords, clock);
        var tokenPathCache = GenerationCache.over(stores.cacheGeneration()); // issue 13: stale for at most 500 ms
        var applications = new ApplicationService(
                stores.applications(),
                stores.users(),
                stores.directoryGroups(),
                directoryAccess,
                transactions,
                clock,
                tokenPathCache);
        var keyCredentials = new ApplicationKeyService(
                applications,
                stores.applications(),
                stores.keyCredentials(),
                transactions,
                new KeyPossessionProofs(clock));
        var tenants = new TenantService(
                stores.tenants(),
                stores.directoryRoles(),
                newUsers,
                directoryAccess,
                List.of(applications::provisionTenant),
                transactions,
                clock,
                settings.domainSuffix());
        var audit = new Audit(stores.audits(), stores.users(), clock);
        var users = new UserService(
                stores.tenants(),
                stores.users(),
                stores.directoryRoles(),
                newUsers,
                globalAdministrators,
                directoryAccess,
                passwords,
                guestsToo(new SignInRevocation(stores.webSessions(), stores.refreshTokens()), stores),
                audit,
                transactions);
        var directoryRoles = new DirectoryRoleService(
                stores.directoryRoles(), stores.users(), globalAdministrators, directoryAccess, transactions);
        var credentials = new CredentialService(stores.users(), passwords);
        var signingKeys = SigningKeys.loadOrCreate(stores.signingKeys(), clock);
        var lockouts =
                new LockoutService(credentials, applications, stores.lockouts(), settings.lockoutPolicy(), clock);
        var audiences = new Audiences(settings.ownOrigin());
        var memberships = new GuestMemberships(stores.users(), stores.guests());
        var guests = new GuestService(
                stores.tenants(), stores.users(), stores.guests(), directoryAccess, audit, transactions, clock);
        var redirectUris = new RedirectUriService(stores.applications(), directoryAccess, transactions);
        var permissionGrants = new PermissionGrantService(stores.applications(), directoryAccess, transactions, clock);
        var exposedApis = new ExposedApiService(stores.applications(), stores.tenants(), directoryAccess, transactions);
        var registeredApis = new DirectoryApis(
                exposedApis,
                permissionGrants,
                applications.appRoles(),
                new TokenLifetimes(
                        stores.tokenLifetimePolicies(),
                        stores.applications(),
                        tokenPathCache,
                        TokenSigner.TOKEN_LIFETIME));
        var tokens = new TokenService(Grants.standard(
                tenants,
                users,
                directoryRoles,
                applications,
                stores.directoryGroups(),
                lockouts,
                signingKeys,
                stores.refreshTokens(),
                audiences,
                clock,
                guests,
                new Grants.Flows(
                        // read through the token path's cache: consents and redirect URIs are written through the
                        // application repository, which moves its generation (issue 13)
                        (tenantId, userId, clientId) -> tokenPathCache.get(
                                new ConsentKey(tenantId, userId, clientId),
                                () -> permissionGrants.consentedScopes(tenantId, userId.value(), clientId)),
                        clientId -> tokenPathCache.get(
                                new PublicClientKey(clientId), () -> redirectUris.isPublicClient(clientId)),
                        keyCredentials,
                        stores.clientAssertionReplays(),
                        stores.deviceCodes(),
                        tokenPathCache,
                        true,
                        settings.issuerKeys()),
                new Grants.Apis(registeredApis, signingKeys)));
        var activityLog = new ActivityLog(stores.activityLog(), stores.users(), clock);
        var access = new AccessService(
                stores.roleAssignments(),
                principals(stores),
                (tenantId, principalId) -> stores.directoryGroups().transitiveGroupsOf(tenantId, principalId).stream()
                        .map(Group::id)
                        .toList(),
                activityLog,
                transactions,
                clock,
                new ReadOnlyDisabledSubscriptions(stores.cloudSubscriptions()));
        var subscriptions = new SubscriptionService(
                settings.catalog(),
                tenants,
                users,
                directoryAccess,
                access,
                stores.cloudSubscriptions(),
                stores.suiteSubscriptions(),
                stores.billingProfiles(),
                stores.licences(),
                transactions,
                clock);
        var managedIdentities = new ManagedIdentityService(
                subscriptions,
                access,
                stores.resourceGroups(),
                stores.managedIdentities(),
                stores.applications(),
                activityLog,
                transactions,
                clock);
        var computeHosts = new ComputeHostService(
                subscriptions, access, stores.managedIdentities(), managedIdentities, activityLog, transactions, clock);
        var administrators = new SubscriptionAdministrators(
                subscriptions,
                stores.cloudSubscriptions(),
                stores.subscriptionAdministrators(),
                stores.users(),
                access,
                audit,
                transactions,
                clock);
        var licences = new LicenceService(
                settings.catalog(),
                users,
                directoryAccess,
                stores.suiteSubscriptions(),
                stores.licences(),
                stores.directoryGroups(),
                audit,
                transactions,
                clock);
        return new Services(
                stores,
                tenants,
                users,
                directoryRoles,
                new GroupService(
                        stores.tenants(),
                        stores.users(),
                        stores.directoryGroups(),
                        directoryAccess,
                        licences::reconcileGroup,
                        audit,
                        transactions,
                        clock),
                new AuditLogService(stores.audits(), directoryAccess, transactions),
                credentials,
                applications,
                signingKeys,
                tokens,
                new AccessTokenVerifier(signingKeys, audiences, clock, memberships::homeOf),
                access,
                subscriptions,
                licences,
                new SuiteLifecycleService(
                        settings.catalog(),
                        directoryAccess,
                        stores.suiteSubscriptions(),
                        stores.licences(),
                        stores.billingProfiles(),
                        audit,
                        transactions,
                        clock),
                new ResourceGroupService(
                        subscriptions,
                        access,
                        stores.resourceGroups(),
                        activityLog,
                        transactions,
                        clock,
                        managedIdentities::forgetResourceGroup),
                new Idempotency(stores.idempotencyRecords(), transactions, clock),
                new PageTokens(stores.serverSecrets()),
                new SessionService(lockouts, stores.webSessions(), transactions, clock, memberships),
                new RetentionPurge(
                        stores.webSessions(),
                        stores.refreshTokens(),
                        stores.idempotencyRecords(),
                        stores.lockouts(),
                        clock),
                new ActivityLogService(access, stores.activityLog(), transactions, clock),
                administrators,
                new BillingOwnershipTransfers(
                        administrators,
                        stores.cloudSubscriptions(),
                        stores.subscriptionAdministrators(),
                        transactions,
                        clock),
                new CloudLifecycleService(
                        subscriptions,
                        access,
                        stores.cloudSubscriptions(),
                        stores.roleAssignments(),
                        administrators,
                        audit,
                        transactions,
                        clock),
                new ChangeDirectoryService(
                        subscriptions,
                        stores.cloudSubscriptions(),
                        stores.roleAssignments(),
                        access,
                        memberships,
                        administrators,
                        new ChangeDirectoryService.Directories(stores.tenants(), stores.users(), stores.applications()),
                        audit,
                        transactions,
                        managedIdentities),
                new SupportService(subscriptions, stores.supportTickets(), transactions, clock),
                guests,
                memberships,
                redirectUris,
                permissionGrants,
                new AuthorizationService(
                        tenants,
                        redirectUris,
                        permissionGrants,
                        audiences,
                        stores.refreshTokens(),
                        clock,
                        Grants.hybridIdTokens(
                                users,
                                directoryRoles,
                                applications,
                                stores.directoryGroups(),
                                signingKeys,
                                clock,
                                guests,
                                registeredApis),
                        applications.appRoles()::signInRoles,
                        registeredApis),
                keyCredentials,
                new DeviceCodeService(
                        stores.deviceCodes(),
                        Grants.tenantSegment(tenants),
                        applications,
                        audiences,
                        stores.lockouts(),
                        clock,
                        registeredApis),
                exposedApis,
                managedIdentities,
                computeHosts,
                new ManagedIdentityTokens(computeHosts, applications, audiences, signingKeys, clock),
                new TokenLifetimePolicyService(
                        stores.tokenLifetimePolicies(),
                        stores.applications(),
                        stores.tenants(),
                        directoryAccess,
                        transactions));
    }

    /**
     * Ending a user's sign-ins ends those of its guest objects elsewhere too (issue 10): a session or refresh token
     * acting as a guest belongs to the home account whose password was changed or which was disabled.
     */
    private static SignInRevoker guestsToo(SignInRevocation revocation, Stores stores) {
        return userId -> {
            revocation.revokeAll(userId);
            stores.guests().guestObjectsOf(userId).forEach(revocation::revokeAll);
        };
    }

    /** Users, groups and service principals of a directory, as role assignments may name them. */
    private static PrincipalDirectory principals(Stores stores) {
        return (TenantId tenantId, UUID principalId) -> {
            if (stores.users().findById(tenantId, new UserId(principalId)).isPresent()) {
                return Optional.of(PrincipalType.USER);
            }
            if (stores.directoryGroups().findById(tenantId, principalId).isPresent()) {
                return Optional.of(PrincipalType.GROUP);
            }
            return stores.applications()
                    .findServicePrincipal(tenantId, principalId)
                    .map(servicePrincipal -> PrincipalType.SERVICE_PRINCIPAL);
        };
    }
}
