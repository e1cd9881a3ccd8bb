package dev.tenantry.directory.apps;

import dev.tenantry.directory.DirectoryAccess;
import dev.tenantry.directory.DirectoryError;
import dev.tenantry.directory.GraphPermission;
import dev.tenantry.directory.GroupRepository;
import dev.tenantry.directory.Text;
import dev.tenantry.directory.UserRepository;
import dev.tenantry.shared.AuthenticationException;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.Column;
import dev.tenantry.shared.ConflictException;
import dev.tenantry.shared.GenerationCache;
import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.shared.NewIds;
import dev.tenantry.shared.NotFoundException;
import dev.tenantry.shared.RuleViolationException;
import dev.tenantry.shared.Secrets;
import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Use cases of app registrations, their client secrets, service principals and application permissions. */
public final class ApplicationService {

    /** The client id of Microsoft Graph, whose service principal every directory has. */
    public static final UUID MICROSOFT_GRAPH_APP_ID = UUID.fromString("00000003-0000-0000-c000-000000000000");

    private static final Duration DEFAULT_SECRET_LIFETIME = Duration.ofDays(730);
    private static final int SECRET_BYTES = 32;

    private final ApplicationRepository applications;
    private final GenerationCache cache;
    private final DirectoryAccess access;
    private final Transactions transactions;
    private final Clock clock;
    private final ApplicationOwnerService owners;
    private final AppRoleService appRoles;

    /** The service over {@code applications}; {@code users} and {@code groups} resolve owners and owned objects. */
    public ApplicationService(
            ApplicationRepository applications,
            UserRepository users,
            GroupRepository groups,
            DirectoryAccess access,
            Transactions transactions,
            Clock clock) {
        this(applications, users, groups, access, transactions, clock, GenerationCache.disabled());
    }

    /** As above, with the token path's reads (application, service principal, secrets, roles) cached in {@code cache}. */
    public ApplicationService(
            ApplicationRepository applications,
            UserRepository users,
            GroupRepository groups,
            DirectoryAccess access,
            Transactions transactions,
            Clock clock,
            GenerationCache cache) {
        this.applications = applications;
        this.cache = cache;
        this.access = access;
        this.transactions = transactions;
        this.clock = clock;
        this.owners = new ApplicationOwnerService(applications, users, groups, access, transactions, clock);
        this.appRoles = new AppRoleService(applications, this, users, groups, access, transactions, clock);
    }

    /** App roles, their assignments to users, groups and service principals, and the {@code roles} claim (issue 11). */
    public AppRoleService appRoles() {
        return appRoles;
    }

    /** The owners of applications and service principals, and what users own. */
    public ApplicationOwnerService owners() {
        return owners;
    }

    public Application createApplication(Caller caller, TenantId tenantId, String displayName) {
        return createApplication(caller, tenantId, displayName, null);
    }

    /**
     * Registers an application; {@code groupMembershipClaims} is Graph's string value, null for none. A user who
     * registers it becomes its owner, as in Entra.
     */
    public Application createApplication(
            Caller caller, TenantId tenantId, String displayName, String groupMembershipClaims) {
        access.requireManageApplications(caller, tenantId);
        String name = Text.required(displayName, "displayName", Column.APPLICATION_DISPLAY_NAME);
        Application application = new Application(
                NewIds.next(NewIds.Kind.APPLICATION),
                tenantId,
                NewIds.next(NewIds.Kind.APP_ID),
                name,
                clock.instant(),
                List.of(),
                groupMembershipClaims(groupMembershipClaims));
        return transactions.inTransaction(() -> {
            applications.insert(application);
            if (caller instanceof Caller.User user) {
                applications.addOwner(
                        tenantId,
                        AppObjectKind.APPLICATION,
                        application.id(),
                        new OwnerRef(user.userId().value(), OwnerRef.Kind.USER),
                        application.createdAt());
            }
            return application;
        });
    }

    /** Changes an application's display name and {@code groupMembershipClaims}; a null value leaves it as it is. */
    public Application updateApplication(
            Caller caller, TenantId tenantId, UUID objectId, String displayName, String groupMembershipClaims) {
        return transactions.inTransaction(() -> {
            Application application = manageableApplication(caller, tenantId, objectId);
            Application changed = application.withChanges(
                    displayName == null
                            ? application.displayName()
                            : Text.required(displayName, "displayName", Column.APPLICATION_DISPLAY_NAME),
                    groupMembershipClaims == null
                            ? application.groupMembershipClaims()
                            : groupMembershipClaims(groupMembershipClaims));
            applications.update(changed);
            return changed;
        });
    }

    /**
     * The group claims the application with client id {@code appId} asks for, {@link GroupMembershipClaims#NONE} for
     * a client that is not registered here (Microsoft's first-party clients); for the token service, so no caller.
     */
    public GroupMembershipClaims groupClaimsOf(UUID appId) {
        return applications.findByAppId(appId).map(Application::groupClaims).orElse(GroupMembershipClaims.NONE);
    }

    /**
     * The registered application whose client id is {@code appId}, in any directory, for the token endpoint's device
     * code flow, which names it to the user (issue 11); so no caller, and nothing secret in an {@link Application}.
     */
    public Optional<Application> findClient(UUID appId) {
        return applications.findByAppId(appId);
    }

    public List<Application> listApplications(Caller caller, TenantId tenantId) {
        access.requireReadApplications(caller, tenantId);
        return applications.list(tenantId);
    }

    public Application getApplication(Caller caller, TenantId tenantId, UUID objectId) {
        access.requireReadApplications(caller, tenantId);
        return findApplication(tenantId, objectId);
    }

    /** Deletes an application with its secrets and service principal; its owners may. */
    public void deleteApplication(Caller caller, TenantId tenantId, UUID objectId) {
        transactions.inTransaction(() -> {
            manageableApplication(caller, tenantId, objectId);
            if (!applications.delete(tenantId, objectId)) {
                throw applicationNotFound(objectId);
            }
            return null;
        });
    }

    /** Adds a client secret; {@code endDateTime} null means two years from now. The text is shown only here. */
    public CreatedSecret addPassword(
            Caller caller, TenantId tenantId, UUID applicationObjectId, String displayName, Instant endDateTime) {
        return transactions.inTransaction(() -> {
            Application application = manageableApplication(caller, tenantId, applicationObjectId);
            Instant now = clock.instant();
            Instant end = endDateTime == null ? now.plus(DEFAULT_SECRET_LIFETIME) : endDateTime;
            if (!end.isAfter(now)) {
                throw new InvalidRequestException(
                        DirectoryError.INVALID_END_DATE_TIME, "endDateTime must be in the future, was " + end + ".");
            }
            String text = Secrets.randomArgument(SECRET_BYTES);
            ClientSecret credential = new ClientSecret(
                    UUID.randomUUID(),
                    Text.optional(displayName, "displayName", Column.APPLICATION_SECRET_DISPLAY_NAME),
                    text.substring(0, 3),
                    now,
                    end);
            applications.insertSecret(application.id(), new StoredSecret(credential, Secrets.sha256Hex(text)));
            return new CreatedSecret(credential, text);
        });
    }

    /**
     * Graph's {@code removePassword}: deletes the client secret {@code keyId}; a token request with it fails from now
     * on (secrets are read at every client authentication).
     */
    public void removePassword(Caller caller, TenantId tenantId, UUID applicationObjectId, UUID keyId) {
        transactions.inTransaction(() -> {
            Application application = manageableApplication(caller, tenantId, applicationObjectId);
            if (!applications.deleteSecret(application.id(), keyId)) {
                throw new NotFoundException(
                        DirectoryError.SECRET_NOT_FOUND,
                        "The application has no password credential with keyId '" + keyId + "'; GET the application"
                                + " to see its passwordCredentials.");
            }
            return null;
        });
    }

    /**
     * Graph's {@code DELETE /servicePrincipals/{id}}: the app can no longer act in this directory and its granted
     * permissions go with it; the registration stays. Microsoft Graph's own service principal cannot be deleted.
     */
    public void deleteServicePrincipal(Caller caller, TenantId tenantId, UUID id) {
        transactions.inTransaction(() -> {
            access.requireSameTenant(caller, tenantId);
            ServicePrincipal sp = applications
                    .findServicePrincipal(tenantId, id)
                    .orElseThrow(() -> new NotFoundException(
                            DirectoryError.SERVICE_PRINCIPAL_NOT_FOUND,
                            "Resource '" + id + "' does not exist or one of its queried reference-property objects"
                                    + " are not present."));
            access.requireManageApplication(
                    caller,
                    tenantId,
                    ApplicationOwnerService.owns(applications, caller, tenantId, AppObjectKind.SERVICE_PRINCIPAL, id));
            if (sp.isManagedIdentity()) {
                throw new RuleViolationException(
                        DirectoryError.MANAGED_IDENTITY_SERVICE_PRINCIPAL,
                        "'" + sp.displayName() + "' is a managed identity: delete it through Azure Resource Manager ("
                                + sp.managedIdentityResourceId() + "), which deletes its service principal.");
            }
            if (sp.appId().equals(MICROSOFT_GRAPH_APP_ID)) {
                throw new RuleViolationException(
                        DirectoryError.FIRST_PARTY_SERVICE_PRINCIPAL,
                        "Microsoft Graph's service principal is part of every directory and cannot be deleted.");
            }
            applications.deleteServicePrincipal(tenantId, id);
            return null;
        });
    }

    /** Creates the service principal of an application registered in the same directory. */
    public ServicePrincipal createServicePrincipal(Caller caller, TenantId tenantId, UUID appId) {
        return transactions.inTransaction(() -> {
            access.requireManageApplications(caller, tenantId);
            Application application = applications
                    .findByAppId(appId)
                    .filter(app -> app.tenantId().equals(tenantId))
                    .orElseThrow(() -> new NotFoundException(
                            DirectoryError.APPLICATION_NOT_FOUND,
                            "No application with appId '" + appId + "' is registered in this directory."));
            if (applications.findServicePrincipalByAppId(tenantId, appId).isPresent()) {
                throw servicePrincipalExists(appId);
            }
            ServicePrincipal servicePrincipal = new ServicePrincipal(
                    NewIds.next(NewIds.Kind.SERVICE_PRINCIPAL),
                    tenantId,
                    appId,
                    application.displayName(),
                    clock.instant());
            applications.insertServicePrincipal(servicePrincipal);
            return servicePrincipal;
        });
    }

    public List<ServicePrincipal> listServicePrincipals(Caller caller, TenantId tenantId) {
        access.requireReadApplications(caller, tenantId);
        return applications.listServicePrincipals(tenantId);
    }

    public ServicePrincipal getServicePrincipal(Caller caller, TenantId tenantId, UUID id) {
        access.requireReadApplications(caller, tenantId);
        return findServicePrincipal(tenantId, id);
    }

    /** The tenant's service principal of {@code appId}; for the token service, so no caller. */
    public Optional<ServicePrincipal> findServicePrincipalByAppId(TenantId tenantId, UUID appId) {
        return applications.findServicePrincipalByAppId(tenantId, appId);
    }

    /** Grants a Microsoft Graph application permission to a service principal; a Global Administrator only. */
    public AppRoleAssignment grantAppRole(
            Caller caller, TenantId tenantId, UUID principalId, UUID resourceId, UUID appRoleId) {
        return transactions.inTransaction(() -> {
            access.requireGlobalAdministratorToGrant(caller, tenantId, "grant application permissions");
            findServicePrincipal(tenantId, principalId);
            ServicePrincipal graph = graphServicePrincipal(tenantId);
            if (!graph.id().equals(resourceId)) {
                throw new RuleViolationException(
                        DirectoryError.UNSUPPORTED_RESOURCE,
                        "Only Microsoft Graph permissions can be granted: resourceId must be the id of the "
                                + "'Microsoft Graph' service principal of this directory (" + graph.id() + ").");
            }
            GraphPermission permission = GraphPermission.byId(appRoleId)
                    .orElseThrow(() -> new InvalidRequestException(
                            DirectoryError.UNKNOWN_APP_ROLE,
                            "'" + appRoleId + "' is not an app role of Microsoft Graph; supported: "
                                    + supportedPermissions() + "."));
            AppRoleAssignment assignment = new AppRoleAssignment(
                    UUID.randomUUID(), tenantId, principalId, resourceId, permission.id(), clock.instant());
            applications.insertAssignment(assignment);
            return assignment;
        });
    }

    public List<AppRoleAssignment> appRoleAssignments(Caller caller, TenantId tenantId, UUID servicePrincipalId) {
        access.requireReadApplications(caller, tenantId);
        findServicePrincipal(tenantId, servicePrincipalId);
        return applications.assignmentsOf(tenantId, servicePrincipalId);
    }

    public void revokeAppRole(Caller caller, TenantId tenantId, UUID servicePrincipalId, UUID assignmentId) {
        access.requireGlobalAdministratorToGrant(caller, tenantId, "revoke application permissions");
        if (!applications.deleteAssignment(tenantId, servicePrincipalId, assignmentId)) {
            throw new NotFoundException(
                    DirectoryError.APP_ROLE_ASSIGNMENT_NOT_FOUND,
                    "App role assignment '" + assignmentId + "' does not exist on this service principal.");
        }
    }

    /**
     * Authenticates an application by its client id and secret, for client credentials. Every unexpired secret is
     * compared in constant time; the caller carries the Graph permissions granted to its service principal.
     */
    public Caller.App authenticateClient(TenantId tenantId, UUID appId, String clientSecret) {
        ClientRecord client = cache.get(new ClientKey(tenantId, appId), () -> loadClient(tenantId, appId))
                .orElseThrow(() -> unknownClient(appId, tenantId));
        if (clientSecret == null || clientSecret.isEmpty()) {
            throw badSecret();
        }
        String presented = Secrets.sha256Hex(clientSecret);
        Instant now = clock.instant();
        boolean match = false;
        for (StoredSecret secret : client.secrets()) {
            boolean valid = secret.credential().endDateTime().isAfter(now)
                    && !secret.credential().startDateTime().isAfter(now);
            // compare with every secret, never stopping early, so the time says nothing about which one matched
            boolean equal = Secrets.constantTimeEquals(presented, secret.secretHash());
            if (equal && valid) {
                match = true;
            }
        }
        if (!match) {
            throw badSecret();
        }
        return new Caller.App(tenantId, client.servicePrincipalId(), appId, client.permissions());
    }

    private record ClientKey(TenantId tenantId, UUID appId) {}

    /** What authenticating a client reads, cached as one (issue 13); the secrets' dates are checked at each use. */
    private record ClientRecord(UUID servicePrincipalId, List<StoredSecret> secrets, Set<String> permissions) {}

    private Optional<ClientRecord> loadClient(TenantId tenantId, UUID appId) {
        Optional<Application> application =
                applications.findByAppId(appId).filter(app -> app.tenantId().equals(tenantId));
        Optional<ServicePrincipal> servicePrincipal =
                application.flatMap(app -> applications.findServicePrincipalByAppId(tenantId, appId));
        return servicePrincipal.map(sp -> new ClientRecord(
                sp.id(), List.copyOf(applications.secrets(application.get().id())), grantedPermissions(tenantId, sp)));
    }

    /**
     * The application {@code appId} of {@code tenantId} acting as itself, once the token endpoint has checked its
     * credential another way (a certificate's client assertion, issue 11); an unknown client is refused as by
     * {@link #authenticateClient}. Read through the same cache.
     */
    public Caller.App provenClient(TenantId tenantId, UUID appId) {
        ClientRecord client = cache.get(new ClientKey(tenantId, appId), () -> loadClient(tenantId, appId))
                .orElseThrow(() -> unknownClient(appId, tenantId));
        return new Caller.App(tenantId, client.servicePrincipalId(), appId, client.permissions());
    }

    /**
     * The service principal {@code servicePrincipalId} of {@code tenantId} acting as itself, with the app roles granted
     * to it, once a managed identity endpoint has decided it may (issue 11); a principal that is gone is refused as an
     * unknown client.
     */
    public Caller.App servicePrincipalCaller(TenantId tenantId, UUID servicePrincipalId) {
        ServicePrincipal sp = applications
                .findServicePrincipal(tenantId, servicePrincipalId)
                .orElseThrow(() -> unknownClient(servicePrincipalId, tenantId));
        return new Caller.App(tenantId, sp.id(), sp.appId(), grantedPermissions(tenantId, sp));
    }

    /** Gives a new directory the service principals every Entra directory has (Microsoft Graph). */
    public void provisionTenant(TenantId tenantId) {
        if (applications
                .findServicePrincipalByAppId(tenantId, MICROSOFT_GRAPH_APP_ID)
                .isEmpty()) {
            applications.insertServicePrincipal(new ServicePrincipal(
                    UUID.randomUUID(), tenantId, MICROSOFT_GRAPH_APP_ID, "Microsoft Graph", clock.instant()));
        }
    }

    private Set<String> grantedPermissions(TenantId tenantId, ServicePrincipal servicePrincipal) {
        Optional<ServicePrincipal> graph = applications.findServicePrincipalByAppId(tenantId, MICROSOFT_GRAPH_APP_ID);
        Set<String> granted = new LinkedHashSet<>();
        for (AppRoleAssignment assignment : applications.assignmentsOf(tenantId, servicePrincipal.id())) {
            if (graph.isPresent() && graph.get().id().equals(assignment.resourceId())) {
                GraphPermission.byId(assignment.appRoleId()).ifPresent(p -> granted.add(p.value()));
            }
        }
        return granted;
    }

    private ServicePrincipal graphServicePrincipal(TenantId tenantId) {
        return applications
                .findServicePrincipalByAppId(tenantId, MICROSOFT_GRAPH_APP_ID)
                .orElseThrow(() -> new RuleViolationException(
                        DirectoryError.GRAPH_NOT_PROVISIONED,
                        "This directory has no Microsoft Graph service principal."));
    }

    private static GroupMembershipClaims groupMembershipClaims(String value) {
        if (value == null) {
            return null;
        }
        if (value.strip().equalsIgnoreCase("ApplicationGroup")) {
            throw new InvalidRequestException(
                    DirectoryError.INVALID_GROUP_MEMBERSHIP_CLAIMS,
                    "groupMembershipClaims 'ApplicationGroup' is not supported: groups cannot be assigned to "
                            + "applications on this server. Use one of: " + GroupMembershipClaims.accepted() + ".",
                    "groupMembershipClaims");
        }
        return GroupMembershipClaims.of(value.strip())
                .orElseThrow(() -> new InvalidRequestException(
                        DirectoryError.INVALID_GROUP_MEMBERSHIP_CLAIMS,
                        "groupMembershipClaims '" + value + "' is not valid. Use one of: "
                                + GroupMembershipClaims.accepted() + ".",
                        "groupMembershipClaims"));
    }

    /** The application, after checking the caller may change it: an administrator, or an owner (R14 first). */
    Application manageableApplication(Caller caller, TenantId tenantId, UUID objectId) {
        access.requireSameTenant(caller, tenantId);
        Application application = findApplication(tenantId, objectId);
        access.requireManageApplication(
                caller,
                tenantId,
                ApplicationOwnerService.owns(applications, caller, tenantId, AppObjectKind.APPLICATION, objectId));
        return application;
    }

    private Application findApplication(TenantId tenantId, UUID objectId) {
        return applications.findById(tenantId, objectId).orElseThrow(() -> applicationNotFound(objectId));
    }

    private ServicePrincipal findServicePrincipal(TenantId tenantId, UUID id) {
        return applications
                .findServicePrincipal(tenantId, id)
                .orElseThrow(() -> new NotFoundException(
                        DirectoryError.SERVICE_PRINCIPAL_NOT_FOUND,
                        "Service principal '" + id + "' does not exist in this directory."));
    }

    private static String supportedPermissions() {
        StringBuilder text = new StringBuilder();
        for (GraphPermission permission : GraphPermission.values()) {
            text.append(text.isEmpty() ? "" : ", ")
                    .append(permission.value())
                    .append(" (")
                    .append(permission.id())
                    .append(')');
        }
        return text.toString();
    }

    private static NotFoundException applicationNotFound(UUID objectId) {
        return new NotFoundException(
                DirectoryError.APPLICATION_NOT_FOUND,
                "Application '" + objectId + "' does not exist in this directory.");
    }

    static ConflictException servicePrincipalExists(UUID appId) {
        return new ConflictException(
                DirectoryError.SERVICE_PRINCIPAL_EXISTS,
                "The application '" + appId + "' already has a service principal here.");
    }

    private static AuthenticationException unknownClient(UUID appId, TenantId tenantId) {
        return new AuthenticationException(
                DirectoryError.INVALID_CLIENT,
                "Application with identifier '" + appId + "' was not found in the directory '" + tenantId + "'.");
    }

    private static AuthenticationException badSecret() {
        return new AuthenticationException(
                DirectoryError.INVALID_CLIENT_SECRET,
                "Invalid client secret provided. Ensure the secret sent is the one created.");
    }
}
