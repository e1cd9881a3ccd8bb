package dev.tenantry.app.testmode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tenantry.app.TenantryApp;
import dev.tenantry.app.TenantryConfig;
import dev.tenantry.cli.TenantryCli;
import dev.tenantry.testing.TestCertificate;
import dev.tenantry.testing.Tls;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14: {@code tenantry seed export} writes a test-mode server out; loading the export makes the same ids. */
class SeedExportIT {

    static final String SEED = """
            tenants:
              - name: contoso
                id: 44444444-0000-0000-0000-000000000001
                domainPrefix: contoso
                organization: Contoso Ltd
                admin: {userName: admin, displayName: Kelley Wall}
                users:
                  - {userName: jane, displayName: Jane Doe, roles: [User Administrator], usageLocation: US, jobTitle: Engineer}
                  - {userName: joe, accountEnabled: false}
                groups:
                  - {displayName: Engineering, members: [jane, joe], owners: [jane], description: Builds things}
                  - {displayName: Staff, members: [admin], memberGroups: [Engineering]}
                applications:
                  - name: daemon
                    graphPermissions: [User.Read.All]
                    requiredResourceAccess:
                      - app: inventory
                        resourceAccess: [{id: 44444444-0000-0000-0000-0000000000e2, type: Role}]
                  - name: inventory
                    secret: false
                    identifierUris: [api://contoso.onmicrosoft.test/inventory]
                    api:
                      requestedAccessTokenVersion: 2
                      oauth2PermissionScopes:
                        - {value: Inventory.Read, type: User, adminConsentDisplayName: Read the inventory}
                    appRoles:
                      - {value: Inventory.Admin, displayName: Inventory admins, allowedMemberTypes: [User]}
                      - id: 44444444-0000-0000-0000-0000000000e2
                        value: Inventory.Sync
                        displayName: Sync
                        description: Daemons that sync
                        allowedMemberTypes: [Application]
                    appRoleAssignmentRequired: true
                    appRoleAssignments:
                      - {role: Inventory.Admin, user: jane}
                      - {role: Inventory.Admin, group: Engineering}
                      - {role: Inventory.Sync, app: daemon}
                      - {role: Inventory.Sync, identity: dev/rg-app/id-web}
                    federatedIdentityCredentials:
                      - name: github-main
                        issuer: https://token.actions.githubusercontent.com
                        subject: "repo:contoso/inventory:ref:refs/heads/main"
                        description: CI
                  - name: portal
                    displayName: Contoso Portal
                    secret: false
                    groupMembershipClaims: SecurityGroup
                    redirectUris: {web: [https://portal.example/signin-oidc], publicClient: [http://localhost]}
                    certificates: [{keyId: 44444444-0000-0000-0000-0000000000c1, displayName: CN=portal, pem: "%s"}]
                    delegatedPermissions: [openid, User.Read]
                    userConsents: [{user: jane, scopes: [Group.Read.All]}]
                    apiPermissions:
                      - {api: inventory, scopes: [Inventory.Read]}
                      - {api: inventory, user: jane, scopes: [Inventory.Read]}
                tokenLifetimePolicies:
                  - displayName: Two hours
                    definition: '{"TokenLifetimePolicy":{"Version":1,"AccessTokenLifetime":"02:00:00"}}'
                    appliesTo: [inventory]
                  - displayName: Organization default
                    isOrganizationDefault: true
                    definition: '{"TokenLifetimePolicy":{"Version":1,"AccessTokenLifetime":"01:30:00"}}'
                cloudSubscriptions:
                  - name: dev
                    resourceGroups:
                      - name: rg-app
                        location: westeurope
                        tags: {team: web, cost: low}
                        userAssignedIdentities:
                          - {name: id-web, principalId: 44444444-0000-0000-0000-0000000000f1, tags: {app: web}}
                        hosts: [{name: web-1, systemAssigned: true, userAssignedIdentities: [id-web]}]
                      - name: rg-ops
                        location: northeurope
                        hosts: [{name: ops-1, userAssignedIdentities: [rg-app/id-web]}]
                    roleAssignments:
                      - {role: Reader, app: daemon}
                      - {role: Contributor, user: jane, resourceGroup: rg-app}
                      - {role: Reader, group: Engineering}
                      - {role: Reader, identity: rg-app/id-web}
                      - {role: Contributor, host: rg-app/web-1, resourceGroup: rg-app}
                suiteSubscriptions:
                  - {sku: ENTERPRISEPACK, seats: 5, licensedUsers: [jane]}
              - name: fabrikam
                domainPrefix: fabrikam
                guests: [{user: jane, from: contoso}]
            """;

    @Test
    void anExportLoadsIntoAFreshServerWithTheSameIdsAndExportsTheSameAgain(
            @TempDir Path dataDir, @TempDir Path secondDir) throws Exception {
        String pem = "-----BEGIN CERTIFICATE-----\\n"
                + TestCertificate.validAround(Instant.now()).base64Der() + "\\n-----END CERTIFICATE-----";
        String first;
        try (TenantryApp original = TenantryApp.startInTestMode(
                TenantryConfig.defaults().withPort(0).withDataDir(dataDir),
                TestMode.seeded(SeedFile.parse("seed.yaml", SEED.formatted(pem))))) {
            Path file = dataDir.resolve("export.yaml");
            int exit = export(dataDir, original, "--output", file.toString());
            assertThat(exit).isZero();
            first = Files.readString(file, StandardCharsets.UTF_8);
            assertThat(export(dataDir, original, "--tenant", "nowhere")).isEqualTo(2);
        }

        assertThat(first)
                .startsWith("# Exported by 'tenantry seed export'")
                .contains("Client secrets are not exported")
                .contains("id: 44444444-0000-0000-0000-000000000001")
                .contains("passwordHash:")
                .contains("keyId: 44444444-0000-0000-0000-0000000000c1")
                .contains("from: contoso")
                .contains("secret: true")
                .contains("- User Administrator")
                .contains("licensedUsers:\n    - jane")
                .contains("role: Reader\n      app: daemon")
                .contains("userConsents:")
                .contains("memberGroups:\n    - Engineering")
                .contains("appRoleAssignmentRequired: true")
                .contains("role: Inventory.Sync\n      app: daemon")
                .contains("identifierUris:\n    - api://contoso.onmicrosoft.test/inventory")
                .contains("requestedAccessTokenVersion: 2")
                .contains("resourceAccess:\n      - id: 44444444-0000-0000-0000-0000000000e2\n        type: Role")
                .contains("apiPermissions:")
                .contains("name: github-main")
                .contains("appliesTo:\n    - inventory")
                .contains("isOrganizationDefault: true")
                .contains("principalId: 44444444-0000-0000-0000-0000000000f1")
                .contains("systemAssigned: true")
                .contains("- rg-app/id-web")
                .contains("role: Inventory.Sync\n      identity: dev/rg-app/id-web")
                .contains("role: Reader\n      identity: rg-app/id-web")
                .contains("resourceGroup: rg-app\n      host: rg-app/web-1")
                .doesNotContain("password: ")
                .doesNotContain("secretText");
        try (TenantryApp copy = TenantryApp.startInTestMode(
                TenantryConfig.defaults().withPort(0).withDataDir(secondDir),
                TestMode.seeded(SeedFile.parse("export.yaml", first)))) {
            TestMode testMode = copy.testMode().orElseThrow();
            assertThat(testMode.seeded().tenant("contoso").orElseThrow().tenantId())
                    .isEqualTo("44444444-0000-0000-0000-000000000001");
            assertThat(testMode.export(testMode.tenantIds())).isEqualTo(first);
            Seeded.SeededTenant contoso = testMode.seeded().tenant("contoso").orElseThrow();
            JWTClaimsSet claims = clientCredentials(
                    copy, contoso, contoso.apps().get("daemon"), "api://contoso.onmicrosoft.test/inventory/.default");
            assertThat(claims.getStringListClaim("roles")).containsExactly("Inventory.Sync");
            assertThat(Duration.between(
                            claims.getIssueTime().toInstant(),
                            claims.getExpirationTime().toInstant()))
                    .isEqualTo(Duration.ofHours(2));
        }
    }

    /** The claims of a client-credentials token of the reloaded server: its roles and lifetime came from the file. */
    private static JWTClaimsSet clientCredentials(
            TenantryApp server, Seeded.SeededTenant tenant, Seeded.SeededApp client, String scope) throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .sslContext(Tls.trusting(server.certificate()))
                .build();
        HttpResponse<String> token = http.send(
                HttpRequest.newBuilder(URI.create(
                                "https://localhost:" + server.port() + "/" + tenant.tenantId() + "/oauth2/v2.0/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id="
                                + client.appId() + "&client_secret="
                                + URLEncoder.encode(client.secret(), StandardCharsets.UTF_8) + "&scope="
                                + URLEncoder.encode(scope, StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        String accessToken =
                new ObjectMapper().readTree(token.body()).get("access_token").asText();
        return SignedJWT.parse(accessToken).getJWTClaimsSet();
    }

    private static int export(Path dataDir, TenantryApp server, String option, String value) {
        return TenantryCli.run(
                Map.of("TENANTRY_DATA", dataDir.toString()),
                "seed",
                "export",
                "--url",
                "https://localhost:" + server.port(),
                option,
                value);
    }
}
