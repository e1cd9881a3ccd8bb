package dev.tenantry.app.testmode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.UserId;
import dev.tenantry.testing.TestWorld;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Issue 14: a seed file's fixed ids, and its refusals, over the in-memory world. */
class SeedLoaderTest {

    static final String FIXED = """
            tenants:
              - name: contoso
                id: 11111111-0000-0000-0000-000000000001
                domainPrefix: contoso
                admin: {userName: admin, id: 11111111-0000-0000-0000-000000000002}
                users:
                  - {userName: jane, id: 11111111-0000-0000-0000-000000000003, usageLocation: US}
                  - {userName: joe}
                groups:
                  - {displayName: Engineering, id: 11111111-0000-0000-0000-000000000004, members: [jane]}
                applications:
                  - name: daemon
                    id: 11111111-0000-0000-0000-000000000005
                    appId: 11111111-0000-0000-0000-000000000006
                    servicePrincipalId: 11111111-0000-0000-0000-000000000007
                cloudSubscriptions:
                  - {name: dev, id: 11111111-0000-0000-0000-000000000008}
                suiteSubscriptions:
                  - {sku: ENTERPRISEPACK, id: 11111111-0000-0000-0000-000000000009, seats: 5, licensedUsers: [jane]}
            """;

    final TestWorld world = TestWorld.create();

    private Seeded load(String text) {
        UsedIds usedIds = id -> world.tenants().findById(new TenantId(id)).isPresent()
                || world.services().stores().applications().findByAppId(id).isPresent();
        return new SeedLoader(world.services(), usedIds, true).load(SeedFile.parse("seed.yaml", text));
    }

    private static UUID id(int last) {
        return UUID.fromString("11111111-0000-0000-0000-00000000000" + last);
    }

    @Test
    void fixedIdsAreKeptAndTheOthersAreMade() {
        Seeded.SeededTenant contoso = load(FIXED).tenant("contoso").orElseThrow();

        assertThat(contoso.tenantId()).isEqualTo(id(1).toString());
        assertThat(contoso.users().get("admin").objectId()).isEqualTo(id(2));
        assertThat(contoso.users().get("jane").objectId()).isEqualTo(id(3));
        assertThat(contoso.users().get("joe").objectId()).isNotNull().isNotIn(id(2), id(3));
        assertThat(contoso.groups()).containsEntry("Engineering", id(4).toString());
        Seeded.SeededApp daemon = contoso.apps().get("daemon");
        assertThat(daemon.objectId()).isEqualTo(id(5));
        assertThat(daemon.appId()).isEqualTo(id(6));
        assertThat(daemon.servicePrincipalId()).isEqualTo(id(7));
        assertThat(contoso.cloudSubscriptions()).containsEntry("dev", id(8).toString());
        TenantId tenant = new TenantId(id(1));
        assertThat(world.suites().findById(tenant, id(9))).isPresent();
        assertThat(world.users().findById(tenant, new UserId(id(3)))).isPresent();
        assertThat(world.clouds().findById(id(8)).orElseThrow().tenantId()).isEqualTo(tenant);
    }

    @Test
    void anIdGivenTwiceIsRefusedAtItsSecondUseWithItsLineAndNothingLoads() {
        String twice =
                FIXED.replace("id: 11111111-0000-0000-0000-000000000004", "id: 11111111-0000-0000-0000-000000000003");

        assertThatThrownBy(() -> load(twice))
                .isInstanceOf(SeedException.class)
                .hasMessageContaining("line 10, field tenants[0].groups[0].id")
                .hasMessageContaining("given twice: tenants[0].users[0].id has it already")
                .hasMessageContaining("nothing was loaded");
        assertThat(world.tenants().all()).isEmpty();
    }

    @Test
    void anIdAlreadyUsedOnTheServerIsRefused() {
        load(FIXED);
        String again = FIXED.replace("contoso", "fabrikam")
                .replace("id: 11111111-0000-0000-0000-000000000002", "id: 22222222-0000-0000-0000-000000000002");

        assertThatThrownBy(() -> load(again))
                .isInstanceOf(SeedException.class)
                .hasMessageContaining("line 3, field tenants[0].id: the id '" + id(1) + "' is already used");
        String sameAppId = "tenants:\n  - domainPrefix: fabrikam\n    applications:\n      - {name: daemon, appId: "
                + id(6) + "}\n";
        assertThatThrownBy(() -> load(sameAppId))
                .isInstanceOf(SeedException.class)
                .hasMessageContaining(
                        "line 4, field tenants[0].applications[0].appId: the id '" + id(6) + "' is already used");
        assertThat(world.tenants().all()).hasSize(1);
    }

    @Test
    void anIdThatIsNotAGuidIsRefused() {
        assertThatThrownBy(() -> load("tenants:\n  - {domainPrefix: contoso, id: not-a-guid}\n"))
                .isInstanceOf(SeedException.class)
                .hasMessageContaining("line 2, field tenants[0].id: 'not-a-guid' is not a GUID");
    }

    static final String ARGON2ID =
            "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$ZnVsbGhhc2hmdWxsaGFzaGZ1bGxoYXNoZnVsbGhhc2g";

    private int prefixes;

    private String hashSeed(String hash) {
        return "tenants:\n  - domainPrefix: contoso" + prefixes++
                + "\n    users:\n      - userName: jane\n        passwordHash: \"" + hash + "\"\n";
    }

    @Test
    void aPreHashedPasswordIsStoredAsGivenAndOtherFormatsAreRefused() {
        Seeded seeded = load(hashSeed(ARGON2ID));
        Seeded.SeededUser jane = seeded.tenants().getFirst().users().get("jane");

        assertThat(world.users().passwordHash(new UserId(jane.objectId()))).contains(ARGON2ID);
        assertThat(jane.password()).isNull();
        assertThatThrownBy(() -> load(hashSeed("$2a$10$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ01234")))
                .isInstanceOf(SeedException.class)
                .hasMessageContaining("line 5, field tenants[0].users[0].passwordHash: not an Argon2id hash")
                .hasMessageContaining("bcrypt");
        assertThatThrownBy(() -> load(hashSeed(ARGON2ID.replace("m=19456", "m=99999999"))))
                .hasMessageContaining("out of bounds");
        assertThatThrownBy(() -> load(hashSeed(ARGON2ID) + "        password: Summer-Pass-2026\n"))
                .hasMessageContaining("give 'password' or 'passwordHash', not both");
    }

    @Test
    void theTestModesCheapHashIsRefusedOutsideTestMode() {
        String cheap = new dev.tenantry.directory.credentials.TestModePasswordHasher().hash("Summer-Pass-2026");

        assertThatThrownBy(() -> new SeedLoader(world.services(), UsedIds.NONE, false)
                        .load(SeedFile.parse("seed.yaml", hashSeed(cheap))))
                .hasMessageContaining("field tenants[0].users[0].passwordHash: this is a test mode's cheap hash");
        assertThat(load(hashSeed(cheap)).tenants()).hasSize(1);
    }

    static final String APPS = """
            tenants:
              - name: contoso
                domainPrefix: contoso
                users: [{userName: jane}]
                applications:
                  - name: web
                    redirectUris:
                      web: [https://app.example/signin-oidc]
                      spa: [https://app.example/spa]
                      publicClient: [http://localhost]
                    certificates:
                      - {keyId: 33333333-0000-0000-0000-000000000001, displayName: CN=seed, pem: "%s"}
                    delegatedPermissions: [User.Read, openid]
                    userConsents: [{user: jane, scopes: [Group.Read.All]}]
              - name: fabrikam
                domainPrefix: fabrikam
                guests:
                  - {user: jane, from: contoso, id: 33333333-0000-0000-0000-000000000002}
            """;

    @Test
    void applicationsCarryRedirectUrisCertificatesAndGrantsAndGuestsArriveRedeemed() {
        String pem = "-----BEGIN CERTIFICATE-----\\n"
                + dev.tenantry.testing.TestCertificate.validAround(TestWorld.NOW)
                        .base64Der()
                + "\\n-----END CERTIFICATE-----";
        Seeded seeded = load(APPS.formatted(pem));

        Seeded.SeededTenant contoso = seeded.tenant("contoso").orElseThrow();
        TenantId tenant = TenantId.parse(contoso.tenantId());
        Seeded.SeededApp web = contoso.apps().get("web");
        var admin = new dev.tenantry.shared.Caller.User(
                tenant, new UserId(contoso.users().get("admin").objectId()));
        var uris = world.services().redirectUris().redirectUris(admin, tenant, web.objectId());
        assertThat(uris.web()).containsExactly("https://app.example/signin-oidc");
        assertThat(uris.spa()).containsExactly("https://app.example/spa");
        assertThat(uris.publicClient()).containsExactly("http://localhost");
        assertThat(world.services().keyCredentials().keyCredentials(admin, tenant, web.objectId()))
                .extracting(k -> k.keyId().toString())
                .containsExactly("33333333-0000-0000-0000-000000000001");
        assertThat(world.services().stores().applications().permissionGrants(tenant))
                .extracting(g -> g.consentType() + ":" + g.scope())
                .containsExactlyInAnyOrder("AllPrincipals:User.Read openid", "Principal:Group.Read.All");
        TenantId fabrikam =
                TenantId.parse(seeded.tenant("fabrikam").orElseThrow().tenantId());
        var guest = world.services()
                .stores()
                .guests()
                .findByHome(
                        fabrikam,
                        new dev.tenantry.shared.Caller.Account(
                                tenant, new UserId(contoso.users().get("jane").objectId())))
                .orElseThrow();
        assertThat(guest.userId().value()).hasToString("33333333-0000-0000-0000-000000000002");
        assertThat(guest.state()).isEqualTo(dev.tenantry.directory.ExternalUserState.ACCEPTED);
    }

    @Test
    void aBadCertificateOrPermissionOrGuestIsRefusedAtItsField() {
        assertThatThrownBy(() -> load(APPS.formatted("-----BEGIN PRIVATE KEY-----")))
                .hasMessageContaining(
                        "line 12, field tenants[0].applications[0].certificates[0].pem: this is a private key");
        String pem = "-----BEGIN CERTIFICATE-----\\nAAAA\\n-----END CERTIFICATE-----";
        assertThatThrownBy(() -> load(APPS.formatted(pem)))
                .hasMessageContaining("field tenants[0].applications[0].certificates[0]");
        String good = "-----BEGIN CERTIFICATE-----\\n"
                + dev.tenantry.testing.TestCertificate.validAround(TestWorld.NOW)
                        .base64Der()
                + "\\n-----END CERTIFICATE-----";
        assertThatThrownBy(() -> load(APPS.formatted(good).replace("[User.Read, openid]", "[User.Read, Fly]")))
                .hasMessageContaining(
                        "line 13, field tenants[0].applications[0].delegatedPermissions[1]: 'Fly' is not");
        assertThatThrownBy(() -> load(APPS.formatted(good).replace("from: contoso", "from: nowhere")))
                .hasMessageContaining("line 18, field tenants[1].guests[0].from: no directory 'nowhere'");
        assertThat(world.tenants().all()).isEmpty();
    }

    static final String REGISTRATIONS = """
            tenants:
              - name: contoso
                domainPrefix: contoso
                users: [{userName: jane}]
                groups:
                  - {displayName: Engineering, members: [jane]}
                  - {displayName: Staff, memberGroups: [Engineering]}
                applications:
                  - name: daemon
                    requiredResourceAccess:
                      - {app: api, resourceAccess: [{id: 55555555-0000-0000-0000-000000000002, type: Role}]}
                  - name: api
                    identifierUris: [api://contoso.onmicrosoft.test/api]
                    api:
                      requestedAccessTokenVersion: 2
                      oauth2PermissionScopes: [{value: Api.Read, type: User}]
                    appRoles:
                      - {id: 55555555-0000-0000-0000-000000000001, value: Api.Admin, allowedMemberTypes: [User]}
                      - {id: 55555555-0000-0000-0000-000000000002, value: Api.Sync, allowedMemberTypes: [Application]}
                    appRoleAssignmentRequired: true
                    appRoleAssignments:
                      - {role: Api.Admin, group: Staff}
                      - {role: Api.Sync, app: daemon}
                      - {role: Api.Sync, host: dev/rg/host-1}
                    federatedIdentityCredentials:
                      - {id: 55555555-0000-0000-0000-000000000003, name: ci-main, issuer: https://ci.example, subject: main}
                  - name: web
                    apiPermissions: [{api: api, user: jane, scopes: [Api.Read]}]
                tokenLifetimePolicies:
                  - id: 55555555-0000-0000-0000-000000000004
                    displayName: Two hours
                    definition: '{"TokenLifetimePolicy":{"Version":1,"AccessTokenLifetime":"02:00:00"}}'
                    appliesTo: [api]
                cloudSubscriptions:
                  - name: dev
                    resourceGroups:
                      - name: rg
                        userAssignedIdentities:
                          - {name: id-one, principalId: 55555555-0000-0000-0000-000000000005, clientId: 55555555-0000-0000-0000-000000000006}
                        hosts:
                          - {name: host-1, systemAssigned: true, principalId: 55555555-0000-0000-0000-000000000007, userAssignedIdentities: [id-one]}
                    roleAssignments: [{role: Reader, identity: rg/id-one}]
            """;

    @Test
    void applicationsCarryAppRolesApisCredentialsPoliciesAndManagedIdentitiesWithTheirFixedIds() {
        Seeded.SeededTenant contoso = load(REGISTRATIONS).tenant("contoso").orElseThrow();
        TenantId tenant = TenantId.parse(contoso.tenantId());
        var apps = world.services().stores().applications();
        Seeded.SeededApp api = contoso.apps().get("api");
        Seeded.SeededApp daemon = contoso.apps().get("daemon");

        assertThat(apps.appRoles(api.objectId())).extracting(r -> r.value()).containsExactly("Api.Admin", "Api.Sync");
        assertThat(apps.appRoleAssignmentRequired(tenant, api.servicePrincipalId()))
                .isTrue();
        assertThat(apps.assignmentsTo(tenant, api.servicePrincipalId()))
                .extracting(a -> a.principalId())
                .containsExactlyInAnyOrder(
                        UUID.fromString(contoso.groups().get("Staff")),
                        daemon.servicePrincipalId(),
                        UUID.fromString("55555555-0000-0000-0000-000000000007"));
        assertThat(world.services()
                        .stores()
                        .roleAssignments()
                        .bySubscription(
                                UUID.fromString(contoso.cloudSubscriptions().get("dev"))))
                .extracting(a -> a.principalId())
                .contains(UUID.fromString("55555555-0000-0000-0000-000000000005"));
        assertThat(apps.findApi(api.objectId()).identifierUris()).containsExactly("api://contoso.onmicrosoft.test/api");
        assertThat(apps.findApi(api.objectId()).v2Tokens()).isTrue();
        assertThat(apps.requiredResourceAccess(daemon.objectId()).getFirst().resourceAppId())
                .isEqualTo(api.appId());
        assertThat(apps.permissionGrants(tenant))
                .extracting(g -> g.consentType() + ":" + g.scope())
                .containsExactly("Principal:Api.Read");
        assertThat(world.services().stores().keyCredentials().federated(api.objectId()))
                .extracting(c -> c.id())
                .containsExactly(UUID.fromString("55555555-0000-0000-0000-000000000003"));
        assertThat(world.services().stores().tokenLifetimePolicies().findAssigned(tenant, api.objectId()))
                .hasValueSatisfying(
                        p -> assertThat(p.id()).isEqualTo(UUID.fromString("55555555-0000-0000-0000-000000000004")));
        assertThat(world.services()
                        .stores()
                        .directoryGroups()
                        .members(tenant, UUID.fromString(contoso.groups().get("Staff"))))
                .extracting(m -> m.objectId().toString())
                .containsExactly(contoso.groups().get("Engineering"));
        UUID subscription = UUID.fromString(contoso.cloudSubscriptions().get("dev"));
        var identities = world.services().stores().managedIdentities();
        assertThat(identities.findByPrincipal(UUID.fromString("55555555-0000-0000-0000-000000000005")))
                .hasValueSatisfying(i -> assertThat(i.clientId()).hasToString("55555555-0000-0000-0000-000000000006"));
        var host = identities.findHost(subscription, "rg", "host-1").orElseThrow();
        assertThat(host.systemAssigned()).isTrue();
        assertThat(host.userAssigned()).containsExactly(UUID.fromString("55555555-0000-0000-0000-000000000005"));
        assertThat(identities.findByPrincipal(UUID.fromString("55555555-0000-0000-0000-000000000007")))
                .hasValueSatisfying(i -> assertThat(i.name()).isEqualTo("host-1"));
    }

    @Test
    void aBadAppRoleApiPolicyOrIdentityIsRefusedAtItsLineAndFieldAndNothingLoads() {
        assertThatThrownBy(() ->
                        load(REGISTRATIONS.replace("{role: Api.Sync, app: daemon}", "{role: Api.Fly, app: daemon}")))
                .hasMessageContaining(
                        "line 23, field tenants[0].applications[1].appRoleAssignments[1].role: no app role 'Api.Fly'");
        assertThatThrownBy(() ->
                        load(REGISTRATIONS.replace("allowedMemberTypes: [Application]", "allowedMemberTypes: [Robot]")))
                .hasMessageContaining(
                        "field tenants[0].applications[1].appRoles[1].allowedMemberTypes: 'Robot' is no member type");
        assertThatThrownBy(() -> load(REGISTRATIONS.replace("value: Api.Sync", "value: Api.Admin")))
                .hasMessageContaining("line 19, field tenants[0].applications[1].appRoles[1].value:");
        assertThatThrownBy(() -> load(REGISTRATIONS.replace("memberGroups: [Engineering]", "memberGroups: [Nobody]")))
                .hasMessageContaining("line 7, field tenants[0].groups[1].memberGroups[0]: no group 'Nobody'");
        assertThatThrownBy(() -> load(REGISTRATIONS.replace("{app: api, resourceAccess", "{resourceAccess")))
                .hasMessageContaining(
                        "field tenants[0].applications[0].requiredResourceAccess[0]: name the resource once");
        assertThatThrownBy(() -> load(REGISTRATIONS.replace("issuer: https://ci.example", "issuer: http://ci.example")))
                .hasMessageContaining("field tenants[0].applications[1].federatedIdentityCredentials[0].issuer");
        assertThatThrownBy(() -> load(REGISTRATIONS.replace("\"02:00:00\"", "\"99:00:00\"")))
                .hasMessageContaining("line 32, field tenants[0].tokenLifetimePolicies[0].definition");
        assertThatThrownBy(() -> load(REGISTRATIONS.replace("'{\"TokenLifetimePolicy\"", "'{oops")))
                .hasMessageContaining("field tenants[0].tokenLifetimePolicies[0].definition: not JSON");
        assertThatThrownBy(() -> load(
                        REGISTRATIONS.replace("userAssignedIdentities: [id-one]", "userAssignedIdentities: [id-two]")))
                .hasMessageContaining("field tenants[0].cloudSubscriptions[0].resourceGroups[0].hosts[0]: Resource '");
        assertThatThrownBy(() -> load(REGISTRATIONS.replace(
                        "api: api, user: jane, scopes: [Api.Read]", "api: api, user: jane, scopes: [Api.Write]")))
                .hasMessageContaining(
                        "field tenants[0].applications[2].apiPermissions[0].scopes: 'Api.Write' is not an enabled");
        assertThatThrownBy(() -> load(REGISTRATIONS.replace("host: dev/rg/host-1", "host: rg/host-1")))
                .hasMessageContaining(
                        "line 24, field tenants[0].applications[1].appRoleAssignments[2].host: 'rg/host-1'"
                                + " names no managed identity: write subscription/resourceGroup/name");
        assertThatThrownBy(() -> load(REGISTRATIONS.replace("identity: rg/id-one", "identity: rg/id-none")))
                .hasMessageContaining(
                        "field tenants[0].cloudSubscriptions[0].roleAssignments[0].identity: The Resource");
        assertThat(world.tenants().all()).isEmpty();
    }

    @Test
    void theJsonFormOfTheSameSchemaLoadsAlike() throws Exception {
        String json = new com.fasterxml.jackson.databind.ObjectMapper()
                .writeValueAsString(new com.fasterxml.jackson.databind.ObjectMapper(
                                new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                        .readTree(REGISTRATIONS));
        UsedIds none = UsedIds.NONE;

        Seeded seeded = new SeedLoader(world.services(), none, true).load(SeedFile.parse("seed.json", json));

        Seeded.SeededApp api = seeded.tenant("contoso").orElseThrow().apps().get("api");
        assertThat(world.services().stores().applications().appRoles(api.objectId()))
                .extracting(r -> r.value())
                .containsExactly("Api.Admin", "Api.Sync");
        assertThatThrownBy(() -> new SeedLoader(world.services(), none, true)
                        .load(SeedFile.parse(
                                "seed.json",
                                json.replace("\"value\":\"Api.Sync\"", "\"value\":\"Api.Sync\",\"colour\":1"))))
                .hasMessageContaining(
                        "line 1, field tenants[0].applications[1].appRoles[1].colour: Unrecognized field");
    }
}
