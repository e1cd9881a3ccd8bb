package dev.tenantry.app.testmode;

import dev.tenantry.app.Services;
import dev.tenantry.app.testmode.Seed.ApplicationSeed;
import dev.tenantry.app.testmode.Seed.GroupSeed;
import dev.tenantry.app.testmode.Seed.GuestSeed;
import dev.tenantry.app.testmode.Seed.SuiteSubscriptionSeed;
import dev.tenantry.app.testmode.Seed.TenantSeed;
import dev.tenantry.app.testmode.Seed.UserSeed;
import dev.tenantry.app.testmode.Seeded.SeededApp;
import dev.tenantry.app.testmode.Seeded.SeededTenant;
import dev.tenantry.app.testmode.Seeded.SeededUser;
import dev.tenantry.directory.CreatedDirectory;
import dev.tenantry.directory.DirectoryRoleTemplate;
import dev.tenantry.directory.GraphPermission;
import dev.tenantry.directory.NewUser;
import dev.tenantry.directory.User;
import dev.tenantry.directory.apps.Application;
import dev.tenantry.directory.apps.ApplicationService;
import dev.tenantry.directory.apps.ServicePrincipal;
import dev.tenantry.directory.credentials.Argon2idPasswordHasher;
import dev.tenantry.directory.credentials.TestModePasswordHasher;
import dev.tenantry.directory.groups.NewGroup;
import dev.tenantry.directory.guests.Invitation;
import dev.tenantry.directory.guests.NewInvitation;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.Ids;
import dev.tenantry.shared.NewIds;
import dev.tenantry.shared.TenantId;
import dev.tenantry.subscriptions.LicenceService;
import dev.tenantry.subscriptions.SuiteSubscription;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Loads a seed file through the domain services, as the operator (or as the seeded owner where a rule needs a user),
 * so every rule of the server holds for seeded data. All of it runs in one transaction: a refusal anywhere loads
 * nothing, and names the line and the field at fault.
 */
public final class SeedLoader {

    static final String DEFAULT_PASSWORD = "Tenantry-Seed-1";
    /** Where a seeded guest's invitation would have sent it: seeded guests have redeemed already. */
    private static final String GUEST_LANDING = "https://myapps.microsoft.com";

    private final Services services;
    private final UsedIds usedIds;
    private final boolean testMode;

    /** A loader of a test-mode server that refuses a seed file's duplicate ids, but knows no ids of the server. */
    public SeedLoader(Services services) {
        this(services, UsedIds.NONE, true);
    }

    /**
     * A loader that also refuses a fixed id {@code usedIds} says the server uses already; outside {@code testMode} it
     * refuses the test mode's cheap password hashes.
     */
    public SeedLoader(Services services, UsedIds usedIds, boolean testMode) {
        this.services = services;
        this.usedIds = usedIds;
        this.testMode = testMode;
    }

    public Seeded load(SeedFile file) {
        return services.stores().transactions().inTransaction(() -> {
            List<TenantSeed> tenants = file.seed().tenants();
            List<SeededTenant> loaded = new java.util.ArrayList<>();
            Map<UUID, String> fixedIds = new HashMap<>();
            Map<String, TenantLoad> byName = new LinkedHashMap<>();
            for (int i = 0; i < tenants.size(); i++) {
                TenantLoad tenant = new TenantLoad(file, "/tenants/" + i, tenants.get(i), fixedIds);
                loaded.add(tenant.load());
                byName.put(loaded.getLast().name(), tenant);
            }
            // guests last: each comes from another directory of the file, which may stand after it
            for (TenantLoad tenant : byName.values()) {
                tenant.loadGuests(byName);
            }
            return new Seeded(loaded);
        });
    }

    /** One directory of the seed, with the names its entries use for each other. */
    private final class TenantLoad implements SeedRefs {
        private final SeedFile file;
        private final String at;
        private final TenantSeed seed;
        private final Map<String, SeededUser> users = new LinkedHashMap<>();
        private final Map<String, SeededApp> apps = new LinkedHashMap<>();
        private final Map<String, String> groups = new LinkedHashMap<>();
        private final Map<String, User> accounts = new HashMap<>();
        private final Map<UUID, String> fixedIds;
        private final List<Runnable> afterApplications = new java.util.ArrayList<>();
        private final SeedClouds cloudLoad;
        private TenantId tenantId;

        TenantLoad(SeedFile file, String at, TenantSeed seed, Map<UUID, String> fixedIds) {
            this.file = file;
            this.at = at;
            this.seed = seed;
            this.fixedIds = fixedIds;
            this.cloudLoad = new SeedClouds(this, services);
        }

        SeededTenant load() {
            String prefix = required(seed.domainPrefix(), at + "/domainPrefix");
            String name = seed.name() == null ? prefix : seed.name();
            UserSeed adminSeed = seed.admin() == null
                    ? new UserSeed("admin", null, null, null, null, null, null, null, null, null, null)
                    : seed.admin();
            UUID fixedTenant = fixedId(seed.id(), at + "/id");
            UUID fixedAdmin = fixedId(adminSeed.id(), at + "/admin/id");
            String adminHash = passwordHash(adminSeed, at + "/admin");
            CreatedDirectory created = pinned(
                    at, ids(NewIds.Kind.TENANT, fixedTenant, NewIds.Kind.USER, fixedAdmin), () -> services.tenants()
                            .createDirectory(
                                    seed.organization() == null ? name : seed.organization(),
                                    seed.countryCode() == null ? "US" : seed.countryCode(),
                                    prefix,
                                    newUser(adminSeed, "Administrator")));
            tenantId = created.tenant().id();
            storeHash(created.admin(), adminHash);
            remember(adminSeed, created.admin());
            for (int i = 0; i < seed.users().size(); i++) {
                loadUser(at + "/users/" + i, seed.users().get(i));
            }
            for (int i = 0; i < seed.groups().size(); i++) {
                loadGroup(at + "/groups/" + i, seed.groups().get(i));
            }
            for (int i = 0; i < seed.groups().size(); i++) {
                nestGroups(at + "/groups/" + i, seed.groups().get(i));
            }
            for (int i = 0; i < seed.applications().size(); i++) {
                loadApplication(at + "/applications/" + i, seed.applications().get(i));
            }
            new SeedApis(this, services).policies(at + "/tokenLifetimePolicies", seed.tokenLifetimePolicies());
            for (int i = 0; i < seed.cloudSubscriptions().size(); i++) {
                cloudLoad.load(
                        at + "/cloudSubscriptions/" + i,
                        seed.cloudSubscriptions().get(i),
                        adminName());
            }
            // what may name another entry of its kind, or a managed identity, once all of them exist
            cloudLoad.finish();
            afterApplications.forEach(Runnable::run);
            for (int i = 0; i < seed.suiteSubscriptions().size(); i++) {
                loadSuite(
                        at + "/suiteSubscriptions/" + i,
                        seed.suiteSubscriptions().get(i));
            }
            return new SeededTenant(
                    name,
                    tenantId.toString(),
                    created.tenant().initialDomain(),
                    users,
                    apps,
                    groups,
                    cloudLoad.names());
        }

        private void loadUser(String where, UserSeed user) {
            String userName = required(user.userName(), where + "/userName");
            if (users.containsKey(userName)) {
                throw file.refuse(where + "/userName", "a second user named '" + userName + "'");
            }
            UUID fixed = fixedId(user.id(), where + "/id");
            String hash = passwordHash(user, where);
            User created = pinned(where, ids(NewIds.Kind.USER, fixed), () -> services.users()
                    .createUser(Caller.system(), tenantId, newUser(user, userName)));
            storeHash(created, hash);
            remember(user, created);
            for (int r = 0; r < user.roles().size(); r++) {
                DirectoryRoleTemplate role = roleNamed(user.roles().get(r), where + "/roles/" + r);
                guarded(where + "/roles/" + r, () -> {
                    services.directoryRoles().assignRole(Caller.system(), tenantId, role, created.id());
                    return null;
                });
            }
        }

        private void loadGroup(String where, GroupSeed group) {
            String displayName = required(group.displayName(), where + "/displayName");
            List<String> members = userIds(group.members(), where + "/members");
            List<String> owners = userIds(group.owners(), where + "/owners");
            UUID fixed = fixedId(group.id(), where + "/id");
            var created = pinned(where, ids(NewIds.Kind.GROUP, fixed), () -> services.groups()
                    .create(
                            Caller.system(),
                            tenantId,
                            new NewGroup(
                                    displayName,
                                    group.description(),
                                    group.mailNickname() == null
                                            ? displayName.replaceAll("[^A-Za-z0-9]", "")
                                            : group.mailNickname(),
                                    false,
                                    true,
                                    List.of(),
                                    null,
                                    members,
                                    owners)));
            groups.put(displayName, created.id().toString());
        }

        /** The groups {@code group} has as members (nested groups); every group of the directory exists by now. */
        private void nestGroups(String where, GroupSeed group) {
            String groupId = groups.get(group.displayName());
            for (int m = 0; m < group.memberGroups().size(); m++) {
                String field = where + "/memberGroups/" + m;
                String member = group(group.memberGroups().get(m), field).toString();
                guarded(field, () -> {
                    services.groups().addMember(Caller.system(), tenantId, groupId, member);
                    return null;
                });
            }
        }

        @Override
        public UUID group(String displayName, String where) {
            String id = groups.get(displayName);
            if (id == null) {
                throw file.refuse(
                        where, "no group '" + displayName + "' in this directory (name a group's displayName)");
            }
            return UUID.fromString(id);
        }

        @Override
        public SeededApp app(String name, String where) {
            SeededApp app = apps.get(name);
            if (app == null) {
                throw file.refuse(
                        where, "no application '" + name + "' in this directory (name an application's name)");
            }
            return app;
        }

        @Override
        public UUID managedIdentity(String reference, boolean host, String subscription, String where) {
            return cloudLoad.managedIdentity(reference, host, subscription, where);
        }

        @Override
        public SeedFile file() {
            return file;
        }

        @Override
        public TenantId tenantId() {
            return tenantId;
        }

        @Override
        public Caller.User admin() {
            return adminCaller();
        }

        private void loadApplication(String where, ApplicationSeed app) {
            String name = required(app.name(), where + "/name");
            ApplicationService applications = services.applications();
            UUID fixedObject = fixedId(app.id(), where + "/id");
            UUID fixedAppId = fixedId(app.appId(), where + "/appId");
            UUID fixedPrincipal = fixedId(app.servicePrincipalId(), where + "/servicePrincipalId");
            Application created = pinned(
                    where,
                    ids(NewIds.Kind.APPLICATION, fixedObject, NewIds.Kind.APP_ID, fixedAppId),
                    () -> applications.createApplication(
                            Caller.system(),
                            tenantId,
                            app.displayName() == null ? name : app.displayName(),
                            app.groupMembershipClaims()));
            String secret = Boolean.FALSE.equals(app.secret())
                    ? null
                    : guarded(where + "/secret", () -> applications
                            .addPassword(Caller.system(), tenantId, created.id(), "seed", null)
                            .secretText());
            ServicePrincipal principal = pinned(
                    where,
                    ids(NewIds.Kind.SERVICE_PRINCIPAL, fixedPrincipal),
                    () -> applications.createServicePrincipal(Caller.system(), tenantId, created.appId()));
            UUID graph = applications
                    .findServicePrincipalByAppId(tenantId, ApplicationService.MICROSOFT_GRAPH_APP_ID)
                    .orElseThrow()
                    .id();
            for (int p = 0; p < app.graphPermissions().size(); p++) {
                String value = app.graphPermissions().get(p);
                String field = where + "/graphPermissions/" + p;
                GraphPermission permission = GraphPermission.byValue(value)
                        .orElseThrow(() -> file.refuse(
                                field,
                                "'" + value
                                        + "' is not a Microsoft Graph application permission Tenantry knows; use one of "
                                        + Arrays.stream(GraphPermission.values())
                                                .map(GraphPermission::value)
                                                .toList()));
                guarded(
                        field,
                        () -> applications.grantAppRole(
                                adminCaller(), tenantId, principal.id(), graph, permission.id()));
            }
            new SeedApplications(file, services, adminCaller(), tenantId)
                    .configure(where, app, created, principal, this::account);
            if (apps.containsKey(name)) {
                throw file.refuse(where + "/name", "a second application named '" + name + "'");
            }
            apps.put(name, new SeededApp(name, created.appId(), created.id(), principal.id(), secret));
            SeedAppRoles roles = new SeedAppRoles(this, services);
            SeedApis apis = new SeedApis(this, services);
            roles.define(where, app, created, principal);
            apis.expose(where, app, created);
            afterApplications.add(() -> {
                roles.assign(where, app, created, principal);
                apis.grant(where, app, principal);
            });
        }

        private void loadSuite(String where, SuiteSubscriptionSeed suite) {
            String sku = required(suite.sku(), where + "/sku");
            UUID fixed = fixedId(suite.id(), where + "/id");
            SuiteSubscription created =
                    pinned(where, ids(NewIds.Kind.SUITE_SUBSCRIPTION, fixed), () -> services.subscriptions()
                            .buySuiteSubscription(adminCaller(), sku, suite.seats(), suite.trial()));
            for (int u = 0; u < suite.licensedUsers().size(); u++) {
                String field = where + "/licensedUsers/" + u;
                User user = account(suite.licensedUsers().get(u), field);
                guarded(field, () -> services.licences()
                        .assignLicense(
                                Caller.system(),
                                tenantId,
                                user.id().toString(),
                                List.of(new LicenceService.AddLicence(
                                        created.skuId().toString(), List.of())),
                                List.of()));
            }
        }

        /** The guests of this directory, each a user of another directory of the file, invited and redeemed. */
        void loadGuests(Map<String, TenantLoad> byName) {
            for (int g = 0; g < seed.guests().size(); g++) {
                String where = at + "/guests/" + g;
                GuestSeed guest = seed.guests().get(g);
                String from = required(guest.from(), where + "/from");
                TenantLoad home = byName.get(from);
                if (home == null || home == this) {
                    throw file.refuse(
                            where + "/from",
                            home == null
                                    ? "no directory '" + from + "' in this seed file (name another directory by its"
                                            + " 'name')"
                                    : "a guest comes from another directory of the file, not from its own");
                }
                User homeUser = home.account(required(guest.user(), where + "/user"), where + "/user");
                UUID fixed = fixedId(guest.id(), where + "/id");
                Invitation invitation = pinned(where, ids(NewIds.Kind.USER, fixed), () -> services.guests()
                        .invite(
                                adminCaller(),
                                tenantId,
                                new NewInvitation(
                                        homeUser.userPrincipalName(), guest.displayName(), GUEST_LANDING, "Guest")));
                guarded(where, () -> services.guests()
                        .redeem(
                                new Caller.Account(home.tenantId, homeUser.id()),
                                tenantId,
                                invitation.user().id(),
                                invitation.ticket()));
            }
        }

        /**
         * The stored hash a user's {@code passwordHash} gives, checked before anything is created; null when the user
         * has a password instead.
         */
        private String passwordHash(UserSeed user, String where) {
            String hash = user.passwordHash();
            if (hash == null) {
                return null;
            }
            if (user.password() != null) {
                throw file.refuse(where + "/passwordHash", "give 'password' or 'passwordHash', not both");
            }
            if (hash.startsWith(TestModePasswordHasher.PREFIX)) {
                if (!testMode) {
                    throw file.refuse(
                            where + "/passwordHash",
                            "this is a test mode's cheap hash, refused outside test mode; give an Argon2id hash or a"
                                    + " password");
                }
                return hash;
            }
            Optional<String> problem = Argon2idPasswordHasher.problemOf(hash);
            if (problem.isPresent()) {
                throw file.refuse(where + "/passwordHash", problem.get());
            }
            return hash;
        }

        private void storeHash(User user, String hash) {
            if (hash != null) {
                services.stores().users().setPasswordHash(user.id(), hash);
            }
        }

        private Caller.User adminCaller() {
            return new Caller.User(tenantId, accounts.get(adminName()).id());
        }

        private String adminName() {
            return seed.admin() == null || seed.admin().userName() == null
                    ? "admin"
                    : seed.admin().userName();
        }

        private void remember(UserSeed seedUser, User created) {
            String userName = seedUser.userName() == null ? "admin" : seedUser.userName();
            accounts.put(userName, created);
            users.put(
                    userName,
                    new SeededUser(userName, created.id().value(), created.userPrincipalName(), passwordOf(seedUser)));
        }

        @Override
        public User account(String userName, String where) {
            User user = accounts.get(userName);
            if (user == null) {
                throw file.refuse(where, "no user '" + userName + "' in this directory (name a userName of its users)");
            }
            return user;
        }

        private List<String> userIds(List<String> names, String where) {
            List<String> ids = new java.util.ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                ids.add(account(names.get(i), where + "/" + i).id().toString());
            }
            return ids;
        }

        private DirectoryRoleTemplate roleNamed(String name, String where) {
            return Arrays.stream(DirectoryRoleTemplate.values())
                    .filter(t ->
                            t.displayName().equalsIgnoreCase(name) || t.name().equalsIgnoreCase(name))
                    .findFirst()
                    .orElseThrow(() -> file.refuse(
                            where,
                            "'" + name + "' is not a directory role Tenantry knows; use one of "
                                    + Arrays.stream(DirectoryRoleTemplate.values())
                                            .map(DirectoryRoleTemplate::displayName)
                                            .toList()));
        }

        /**
         * The GUID of an {@code id} field, or null when it is absent (the server makes one). An id given twice in the
         * file is refused at its second use.
         */
        @Override
        public UUID fixedId(String text, String where) {
            if (text == null) {
                return null;
            }
            UUID id = Ids.tryParse(text.strip())
                    .orElseThrow(() -> file.refuse(
                            where,
                            "'" + text + "' is not a GUID such as '00000000-0000-0000-0000-000000000000' (leave the"
                                    + " field out to let the server make one)"));
            String first = fixedIds.putIfAbsent(id, where);
            if (first != null) {
                throw file.refuse(
                        where,
                        "the id '" + id + "' is given twice: " + SeedFile.fieldOf(first) + " has it already; every id"
                                + " of a seed file is different");
            }
            if (usedIds.isUsed(id)) {
                throw file.refuse(
                        where,
                        "the id '" + id + "' is already used on this server; choose another GUID or leave the field"
                                + " out");
            }
            return id;
        }

        /** Runs {@code work} with the fixed ids of an entry pinned for what it creates. */
        private <T> T pinned(String where, Map<NewIds.Kind, UUID> ids, java.util.function.Supplier<T> work) {
            return NewIds.pinned(ids, () -> guarded(where, work));
        }

        private <T> T guarded(String where, java.util.function.Supplier<T> work) {
            return file.guarded(where, work);
        }
    }

    /** The fixed id of one kind, if given. */
    static Map<NewIds.Kind, UUID> ids(NewIds.Kind kind, UUID id) {
        return ids(kind, id, kind, null);
    }

    /** The fixed ids of two kinds, each if given. */
    static Map<NewIds.Kind, UUID> ids(NewIds.Kind first, UUID firstId, NewIds.Kind second, UUID secondId) {
        Map<NewIds.Kind, UUID> ids = new java.util.EnumMap<>(NewIds.Kind.class);
        if (firstId != null) {
            ids.put(first, firstId);
        }
        if (secondId != null) {
            ids.put(second, secondId);
        }
        return ids;
    }

    /** The password a seeded user signs in with: unknown (null) when the file gave its hash. */
    private static String passwordOf(UserSeed user) {
        if (user.passwordHash() != null) {
            return null;
        }
        return user.password() == null ? DEFAULT_PASSWORD : user.password();
    }

    /** The password a user is created with: with a {@code passwordHash}, a throw-away one its hash then replaces. */
    private static String createdPassword(UserSeed user) {
        return user.passwordHash() == null ? passwordOf(user) : "Replaced-" + UUID.randomUUID() + "-x1";
    }

    private static NewUser newUser(UserSeed user, String fallbackName) {
        String userName = user.userName() == null ? "admin" : user.userName();
        return new NewUser(
                user.displayName() == null ? fallbackName : user.displayName(),
                userName,
                createdPassword(user),
                user.givenName(),
                user.surname(),
                null,
                user.accountEnabled(),
                user.usageLocation(),
                user.jobTitle());
    }
}
