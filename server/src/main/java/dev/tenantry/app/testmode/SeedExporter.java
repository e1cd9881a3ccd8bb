package dev.tenantry.app.testmode;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.tenantry.access.RoleAssignment;
import dev.tenantry.access.RoleDefinition;
import dev.tenantry.app.Stores;
import dev.tenantry.app.testmode.Seed.ApplicationSeed;
import dev.tenantry.app.testmode.Seed.CertificateSeed;
import dev.tenantry.app.testmode.Seed.CloudSubscriptionSeed;
import dev.tenantry.app.testmode.Seed.GroupSeed;
import dev.tenantry.app.testmode.Seed.GuestSeed;
import dev.tenantry.app.testmode.Seed.RedirectUrisSeed;
import dev.tenantry.app.testmode.Seed.ResourceGroupSeed;
import dev.tenantry.app.testmode.Seed.RoleAssignmentSeed;
import dev.tenantry.app.testmode.Seed.SuiteSubscriptionSeed;
import dev.tenantry.app.testmode.Seed.TenantSeed;
import dev.tenantry.app.testmode.Seed.UserConsentSeed;
import dev.tenantry.app.testmode.Seed.UserSeed;
import dev.tenantry.directory.DirectoryObject;
import dev.tenantry.directory.DirectoryRoleTemplate;
import dev.tenantry.directory.ExternalUserState;
import dev.tenantry.directory.GraphPermission;
import dev.tenantry.directory.Group;
import dev.tenantry.directory.Guest;
import dev.tenantry.directory.Tenant;
import dev.tenantry.directory.User;
import dev.tenantry.directory.UserType;
import dev.tenantry.directory.apps.Application;
import dev.tenantry.directory.apps.ApplicationService;
import dev.tenantry.directory.apps.GroupMembershipClaims;
import dev.tenantry.directory.apps.PermissionGrant;
import dev.tenantry.directory.apps.RedirectUris;
import dev.tenantry.directory.apps.ServicePrincipal;
import dev.tenantry.shared.Page;
import dev.tenantry.shared.PageRequest;
import dev.tenantry.shared.TenantId;
import dev.tenantry.subscriptions.CloudSubscription;
import dev.tenantry.subscriptions.LicenceAssignment;
import dev.tenantry.subscriptions.SuiteSubscription;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Writes directories back out as a seed file (issue 14, {@code tenantry seed export}): every id fixed, so loading the
 * file into a fresh server makes the same ids, and exporting that server again gives the same file. Passwords go out
 * as their stored hashes; client secrets never (nobody can read one back, in Entra neither): an application that has
 * one says {@code secret: true} and gets a new one when the file is loaded.
 */
public final class SeedExporter {

    /** What the file says about itself, as YAML comments above the data. */
    static final String HEADER = """
            # Exported by 'tenantry seed export'. Load it with 'tenantry seed load' or 'serve --test-mode --seed'.
            # Every id is fixed, so a load makes the same directories, users, apps and subscriptions again.
            # Client secrets are not exported: no server can read one back (Entra neither). An application that had one
            # says 'secret: true', and loading this file gives it a new secret (reported by the load).
            # Not exported: group members that are guests or apps, pending guests, cloud subscription states and
            # classic co-administrators, app roles and role assignments held by guests, directory objects of other
            # directories than the ones exported.
            """;

    private static final Pattern SPLIT = Pattern.compile("\\s+");
    private static final int PAGE = 500;

    private final Stores stores;

    public SeedExporter(Stores stores) {
        this.stores = stores;
    }

    /**
     * The directories {@code tenantIds} as a seed; {@code seeded} gives the names a seed file used (a directory,
     * application or subscription the seed did not name is named by its display name).
     */
    public Seed export(List<TenantId> tenantIds, Seeded seeded) {
        Map<TenantId, String> names = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        for (TenantId id : tenantIds) {
            Tenant tenant = stores.tenants().findById(id).orElseThrow();
            String name = seeded.tenants().stream()
                    .filter(t -> t.tenantId().equals(id.toString()))
                    .map(Seeded.SeededTenant::name)
                    .findFirst()
                    .orElse(prefixOf(tenant));
            names.put(id, unique(name, taken));
        }
        List<TenantSeed> tenants = new ArrayList<>();
        for (TenantId id : tenantIds) {
            tenants.add(new TenantExport(id, names, seeded).export());
        }
        return new Seed(tenants);
    }

    /** The seed as YAML, under {@link #HEADER}. */
    public static String yaml(Seed seed) {
        ObjectMapper mapper = new ObjectMapper(YAMLFactory.builder()
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .disable(YAMLGenerator.Feature.SPLIT_LINES) // a policy's definition stays one readable line
                .build());
        try {
            return HEADER + mapper.writeValueAsString(seed);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String prefixOf(Tenant tenant) {
        String domain = tenant.initialDomain();
        return domain.substring(0, domain.indexOf('.') < 0 ? domain.length() : domain.indexOf('.'));
    }

    private static String unique(String name, Set<String> taken) {
        String candidate = name;
        for (int n = 2; !taken.add(candidate); n++) {
            candidate = name + " (" + n + ")";
        }
        return candidate;
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }

    /** One directory, with the handles its entries use for each other. */
    private final class TenantExport {
        private final TenantId tenantId;
        private final Map<TenantId, String> tenantNames;
        private final Optional<Seeded.SeededTenant> seededTenant;
        private final Map<UUID, String> userNames = new HashMap<>();
        private final Map<UUID, String> groupNames = new HashMap<>();
        private final Map<UUID, String> appNamesBySp = new HashMap<>();
        private final Map<UUID, String> appNamesByAppId = new HashMap<>();
        private final Map<UUID, String> appNamesByObjectId = new HashMap<>();
        private final Map<UUID, String> cloudNames = new HashMap<>();

        TenantExport(TenantId tenantId, Map<TenantId, String> tenantNames, Seeded seeded) {
            this.tenantId = tenantId;
            this.tenantNames = tenantNames;
            this.seededTenant = seeded.tenants().stream()
                    .filter(t -> t.tenantId().equals(tenantId.toString()))
                    .findFirst();
        }

        TenantSeed export() {
            Tenant tenant = stores.tenants().findById(tenantId).orElseThrow();
            List<User> members = users().stream()
                    .filter(u -> u.userType() == UserType.MEMBER)
                    .toList();
            members.forEach(u -> userNames.put(u.id().value(), userNameOf(u)));
            User admin = admin(members);
            List<UserSeed> others = members.stream()
                    .filter(u -> !u.equals(admin))
                    .sorted(Comparator.comparing(this::userNameOf))
                    .map(u -> user(u, false))
                    .toList();
            List<GroupSeed> groups = groups();
            List<CloudSubscription> cloudSubscriptions = nameClouds();
            List<Application> registered = stores.applications().list(tenantId).stream()
                    .sorted(Comparator.comparing(Application::id))
                    .toList();
            SeedRegistrationExport registrations = registrations(registered);
            List<ApplicationSeed> applications = applications(registered, registrations);
            return new TenantSeed(
                    tenantNames.get(tenantId),
                    tenantId.toString(),
                    tenant.displayName().equals(tenantNames.get(tenantId)) ? null : tenant.displayName(),
                    prefixOf(tenant),
                    tenant.countryCode(),
                    admin == null ? null : user(admin, true),
                    others,
                    groups,
                    applications,
                    clouds(cloudSubscriptions),
                    suites(),
                    guests(),
                    registrations.policies(registered));
        }

        /** Names every application first, so applications can name each other. */
        private SeedRegistrationExport registrations(List<Application> registered) {
            Map<UUID, String> seededNames = new HashMap<>();
            seededTenant.ifPresent(t -> t.apps().values().forEach(app -> seededNames.put(app.appId(), app.name())));
            Set<String> taken = new HashSet<>();
            for (Application application : registered) {
                String name = unique(seededNames.getOrDefault(application.appId(), application.displayName()), taken);
                appNamesByAppId.put(application.appId(), name);
                appNamesByObjectId.put(application.id(), name);
                stores.applications()
                        .findServicePrincipalByAppId(tenantId, application.appId())
                        .ifPresent(sp -> appNamesBySp.put(sp.id(), name));
            }
            return new SeedRegistrationExport(
                    stores,
                    tenantId,
                    new SeedRegistrationExport.Names(
                            userNames, groupNames, appNamesBySp, appNamesByAppId, appNamesByObjectId, cloudNames));
        }

        private List<User> users() {
            List<User> all = new ArrayList<>();
            PageRequest page = PageRequest.first(PAGE);
            while (true) {
                Page<User> fetched = stores.users().list(tenantId, List.of(), page);
                all.addAll(fetched.items());
                if (!fetched.hasNext()) {
                    return all;
                }
                page = new PageRequest(fetched.nextAfter(), PAGE);
            }
        }

        private String userNameOf(User user) {
            String upn = user.userPrincipalName();
            return upn.substring(0, upn.indexOf('@') < 0 ? upn.length() : upn.indexOf('@'));
        }

        /** The directory's first Global Administrator: the admin the directory was made with. */
        private User admin(List<User> members) {
            Set<UUID> globals = new HashSet<>();
            stores.directoryRoles()
                    .holders(tenantId, Set.of(DirectoryRoleTemplate.GLOBAL_ADMINISTRATOR))
                    .forEach(id -> globals.add(id.value()));
            return members.stream()
                    .filter(u -> globals.contains(u.id().value()))
                    .min(Comparator.comparing(User::createdAt).thenComparing(u -> u.id().value()))
                    .orElse(null);
        }

        private UserSeed user(User user, boolean admin) {
            List<String> roles = stores.directoryRoles().rolesOf(tenantId, user.id()).stream()
                    .filter(role -> !(admin && role == DirectoryRoleTemplate.GLOBAL_ADMINISTRATOR))
                    .map(DirectoryRoleTemplate::displayName)
                    .sorted()
                    .toList();
            return new UserSeed(
                    userNameOf(user),
                    user.id().toString(),
                    user.displayName(),
                    null,
                    stores.users().passwordHash(user.id()).orElse(null),
                    user.givenName(),
                    user.surname(),
                    user.accountEnabled() ? null : Boolean.FALSE,
                    user.usageLocation(),
                    user.jobTitle(),
                    roles);
        }

        private List<GroupSeed> groups() {
            List<Group> all = new ArrayList<>();
            PageRequest page = PageRequest.first(PAGE);
            while (true) {
                Page<Group> fetched = stores.directoryGroups().list(tenantId, List.of(), null, true, page);
                all.addAll(fetched.items());
                if (!fetched.hasNext()) {
                    break;
                }
                page = new PageRequest(fetched.nextAfter(), PAGE);
            }
            Set<String> taken = new HashSet<>();
            for (Group group : all) {
                groupNames.put(group.id(), unique(group.displayName(), taken));
            }
            List<GroupSeed> groups = new ArrayList<>();
            for (Group group : all) {
                List<UUID> members = stores.directoryGroups().members(tenantId, group.id()).stream()
                        .map(DirectoryObject::objectId)
                        .toList();
                groups.add(new GroupSeed(
                        groupNames.get(group.id()),
                        group.id().toString(),
                        group.mailNickname(),
                        group.description(),
                        handles(members),
                        handles(stores.directoryGroups().owners(tenantId, group.id()).stream()
                                .map(u -> u.id().value())
                                .toList()),
                        members.stream()
                                .map(groupNames::get)
                                .filter(java.util.Objects::nonNull)
                                .sorted()
                                .toList()));
            }
            return groups;
        }

        /** The userNames of the member users among {@code ids}, sorted; guests, groups and apps are left out. */
        private List<String> handles(List<UUID> ids) {
            return ids.stream()
                    .map(userNames::get)
                    .filter(java.util.Objects::nonNull)
                    .sorted()
                    .toList();
        }

        private List<ApplicationSeed> applications(List<Application> registered, SeedRegistrationExport registrations) {
            UUID graph = stores.applications()
                    .findServicePrincipalByAppId(tenantId, ApplicationService.MICROSOFT_GRAPH_APP_ID)
                    .map(ServicePrincipal::id)
                    .orElse(null);
            List<PermissionGrant> grants = stores.applications().permissionGrants(tenantId);
            List<ApplicationSeed> applications = new ArrayList<>();
            for (Application application : registered) {
                String name = appNamesByAppId.get(application.appId());
                Optional<ServicePrincipal> principal =
                        stores.applications().findServicePrincipalByAppId(tenantId, application.appId());
                List<String> permissions = principal
                        .map(sp -> stores.applications().assignmentsOf(tenantId, sp.id()).stream()
                                .filter(a -> a.resourceId().equals(graph))
                                .map(a -> GraphPermission.byId(a.appRoleId())
                                        .map(GraphPermission::value)
                                        .orElse(null))
                                .filter(java.util.Objects::nonNull)
                                .sorted()
                                .toList())
                        .orElse(List.of());
                List<String> delegated = new ArrayList<>();
                List<UserConsentSeed> consents = new ArrayList<>();
                for (PermissionGrant grant : grants) {
                    if (principal.isEmpty()
                            || !grant.clientId().equals(principal.get().id())
                            || !grant.resourceId().equals(graph)) {
                        continue;
                    }
                    List<String> scopes = Arrays.stream(
                                    SPLIT.split(grant.scope().strip()))
                            .filter(s -> !s.isEmpty())
                            .toList();
                    if (PermissionGrant.ALL_PRINCIPALS.equals(grant.consentType())) {
                        delegated.addAll(scopes);
                    } else if (userNames.containsKey(grant.principalId())) {
                        consents.add(new UserConsentSeed(userNames.get(grant.principalId()), scopes));
                    }
                }
                consents.sort(Comparator.comparing(UserConsentSeed::user));
                RedirectUris uris = stores.applications().redirectUris(application.id());
                List<CertificateSeed> certificates = stores.keyCredentials().list(application.id()).stream()
                        .sorted(Comparator.comparing(k -> k.keyId().toString()))
                        .map(k -> new CertificateSeed(
                                pem(k.certificate()), k.keyId().toString(), k.displayName()))
                        .toList();
                GroupMembershipClaims claims = application.groupMembershipClaims();
                applications.add(new ApplicationSeed(
                        name,
                        application.id().toString(),
                        application.appId().toString(),
                        principal.map(sp -> sp.id().toString()).orElse(null),
                        application.displayName().equals(name) ? null : application.displayName(),
                        !application.passwordCredentials().isEmpty(),
                        claims == null || claims == GroupMembershipClaims.NONE ? null : claims.value(),
                        permissions,
                        uris.equals(RedirectUris.NONE)
                                ? null
                                : new RedirectUrisSeed(uris.web(), uris.spa(), uris.publicClient()),
                        certificates,
                        delegated,
                        consents,
                        registrations.appRoles(application),
                        principal
                                .filter(sp -> stores.applications().appRoleAssignmentRequired(tenantId, sp.id()))
                                .map(sp -> Boolean.TRUE)
                                .orElse(null),
                        principal
                                .map(sp -> registrations.assignments(application, sp.id()))
                                .orElse(List.of()),
                        registrations.identifierUris(application),
                        registrations.api(application),
                        registrations.requiredResourceAccess(application),
                        principal
                                .map(sp -> registrations.apiPermissions(sp.id(), grants, graph))
                                .orElse(List.of()),
                        registrations.federatedCredentials(application)));
            }
            return applications;
        }

        private static String pem(String base64Der) {
            StringBuilder pem = new StringBuilder("-----BEGIN CERTIFICATE-----\n");
            for (int i = 0; i < base64Der.length(); i += 64) {
                pem.append(base64Der, i, Math.min(base64Der.length(), i + 64)).append('\n');
            }
            return pem.append("-----END CERTIFICATE-----\n").toString();
        }

        /** The directory's cloud subscriptions, each named, so managed identities can be named anywhere. */
        private List<CloudSubscription> nameClouds() {
            Map<UUID, String> seededNames = new HashMap<>();
            seededTenant.ifPresent(
                    t -> t.cloudSubscriptions().forEach((name, id) -> seededNames.put(UUID.fromString(id), name)));
            Set<String> taken = new HashSet<>();
            List<CloudSubscription> all = stores.cloudSubscriptions().byTenant(tenantId).stream()
                    .filter(c -> c.state() != CloudSubscription.State.DELETED)
                    .sorted(Comparator.comparing(CloudSubscription::id))
                    .toList();
            all.forEach(cloud -> cloudNames.put(
                    cloud.id(), unique(seededNames.getOrDefault(cloud.id(), cloud.displayName()), taken)));
            return all;
        }

        private List<CloudSubscriptionSeed> clouds(List<CloudSubscription> all) {
            List<CloudSubscriptionSeed> clouds = new ArrayList<>();
            for (CloudSubscription cloud : all) {
                String name = cloudNames.get(cloud.id());
                SeedIdentityExport identities = new SeedIdentityExport(stores, cloud.id());
                List<ResourceGroupSeed> groups = stores.resourceGroups().list(cloud.id()).stream()
                        .sorted(Comparator.comparing(g -> g.name()))
                        .map(g -> new ResourceGroupSeed(
                                g.name(),
                                g.location(),
                                new TreeMap<>(g.tags()),
                                identities.identities(g),
                                identities.hosts(g)))
                        .toList();
                List<RoleAssignmentSeed> assignments = stores.roleAssignments().bySubscription(cloud.id()).stream()
                        .filter(a -> !isAccountAdministratorsOwner(a, cloud))
                        .map(a -> assignment(a, cloud.id()))
                        .flatMap(Optional::stream)
                        .sorted(Comparator.comparing(RoleAssignmentSeed::toString))
                        .toList();
                clouds.add(new CloudSubscriptionSeed(
                        name,
                        cloud.id().toString(),
                        cloud.displayName(),
                        cloud.offerId(),
                        userNames.get(cloud.accountAdministrator().value()),
                        groups,
                        assignments));
            }
            return clouds;
        }

        /** The Owner assignment signing up gave the account administrator: the load makes it again. */
        private static boolean isAccountAdministratorsOwner(RoleAssignment assignment, CloudSubscription cloud) {
            return assignment.role() == RoleDefinition.OWNER
                    && assignment.resourceGroup() == null
                    && assignment
                            .principalId()
                            .equals(cloud.accountAdministrator().value());
        }

        private Optional<RoleAssignmentSeed> assignment(RoleAssignment a, UUID subscriptionId) {
            String role = a.role().roleName();
            String group = a.resourceGroup();
            return switch (a.principalType()) {
                case USER ->
                    Optional.ofNullable(userNames.get(a.principalId()))
                            .map(user -> new RoleAssignmentSeed(role, user, null, null, group, null, null));
                case GROUP ->
                    Optional.ofNullable(groupNames.get(a.principalId()))
                            .map(name -> new RoleAssignmentSeed(role, null, name, null, group, null, null));
                case SERVICE_PRINCIPAL ->
                    Optional.ofNullable(appNamesBySp.get(a.principalId()))
                            .map(app -> new RoleAssignmentSeed(role, null, null, app, group, null, null))
                            .or(() -> SeedIdentityExport.reference(stores, cloudNames, a.principalId(), subscriptionId)
                                    .map(ref -> new RoleAssignmentSeed(
                                            role, null, null, null, group, ref.identity(), ref.host())));
            };
        }

        private List<SuiteSubscriptionSeed> suites() {
            Set<UUID> skusDone = new HashSet<>();
            List<SuiteSubscriptionSeed> suites = new ArrayList<>();
            for (SuiteSubscription suite : stores.suiteSubscriptions().byTenant(tenantId).stream()
                    .filter(s -> s.state() != SuiteSubscription.State.DELETED)
                    .sorted(Comparator.comparing(SuiteSubscription::id))
                    .toList()) {
                // licences belong to the SKU, not to one of its subscriptions: the first one carries them
                List<String> licensed = skusDone.add(suite.skuId())
                        ? handles(stores.licences().bySku(tenantId, suite.skuId()).stream()
                                .map(LicenceAssignment::userId)
                                .map(id -> id.value())
                                .toList())
                        : List.of();
                suites.add(new SuiteSubscriptionSeed(
                        suite.skuPartNumber(), suite.id().toString(), suite.seatsEnabled(), suite.trial(), licensed));
            }
            return suites;
        }

        /** Accepted guests whose home directory is exported too; the others cannot be named in the file. */
        private List<GuestSeed> guests() {
            List<GuestSeed> guests = new ArrayList<>();
            for (Guest guest : stores.guests().list(tenantId).stream()
                    .sorted(Comparator.comparing(g -> g.userId().value()))
                    .toList()) {
                if (guest.home() == null
                        || !tenantNames.containsKey(guest.home().tenantId())) {
                    continue;
                }
                Optional<User> home = stores.users()
                        .findById(guest.home().tenantId(), guest.home().userId());
                Optional<User> object = stores.users().findById(tenantId, guest.userId());
                if (home.isEmpty() || object.isEmpty() || guest.state() != ExternalUserState.ACCEPTED) {
                    continue;
                }
                guests.add(new GuestSeed(
                        userNameOf(home.get()),
                        tenantNames.get(guest.home().tenantId()),
                        text(guest.userId().value()),
                        object.get().displayName()));
            }
            return guests;
        }
    }
}
