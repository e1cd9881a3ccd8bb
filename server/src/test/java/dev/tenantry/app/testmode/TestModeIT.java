package dev.tenantry.app.testmode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantry.app.TenantryApp;
import dev.tenantry.app.TenantryConfig;
import dev.tenantry.directory.credentials.Argon2idPasswordHasher;
import dev.tenantry.directory.credentials.TestModePasswordHasher;
import dev.tenantry.testing.RunningServer;
import dev.tenantry.testing.Tls;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14: test mode's seed, reset, clock, faults and forged tokens over HTTPS, and their absence outside it. */
class TestModeIT {

    static final String SEED = """
            tenants:
              - name: contoso
                domainPrefix: contoso
                admin: {userName: admin, password: "Tenantry-Seed-1"}
                users:
                  - {userName: jane, displayName: Jane Doe, password: "Summer-Pass-2026", roles: [User Administrator], usageLocation: US}
                groups:
                  - {displayName: Engineering, members: [jane]}
                applications:
                  - {name: daemon, graphPermissions: [User.Read.All]}
                cloudSubscriptions:
                  - name: dev
                    resourceGroups: [{name: rg-app, location: westeurope}]
                    roleAssignments: [{role: Reader, app: daemon}, {role: Contributor, user: jane, resourceGroup: rg-app}]
                suiteSubscriptions:
                  - {sku: ENTERPRISEPACK, seats: 5, licensedUsers: [jane]}
            """;

    @RegisterExtension
    static final RunningServer production = new RunningServer();

    @TempDir
    static Path dataDir;

    static TenantryApp testServer;
    static HttpClient http;

    @BeforeAll
    static void start() throws Exception {
        testServer = TenantryApp.startInTestMode(
                TenantryConfig.defaults().withPort(0).withDataDir(dataDir),
                TestMode.seeded(SeedFile.parse("seed.yaml", SEED)));
        http = HttpClient.newBuilder()
                .sslContext(Tls.trusting(testServer.certificate()))
                .build();
    }

    @AfterAll
    static void stop() {
        testServer.close();
    }

    private static HttpResponse<String> send(String method, String path, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("https://localhost:" + testServer.port() + path))
                        .method(method, HttpRequest.BodyPublishers.ofString(body))
                        .header("Content-Type", "application/json")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void seedLoadsEveryKindOfEntryThroughTheServices() {
        var contoso =
                testServer.testMode().orElseThrow().seeded().tenant("contoso").orElseThrow();
        assertThat(contoso.users()).containsKeys("admin", "jane");
        assertThat(contoso.apps().get("daemon").secret()).isNotBlank();
        assertThat(contoso.cloudSubscriptions()).containsKey("dev");
        assertThat(contoso.groups()).containsKey("Engineering");
    }

    @Test
    void controlsAnswerInTestModeAndAreAbsentOutsideIt() throws Exception {
        assertThat(send("POST", "/_tenantry/clock/advance", "{\"duration\":\"P1D\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(production.get("/_tenantry/clock").statusCode()).isEqualTo(404);
        assertThat(production.postJson("/_tenantry/reset", "{}").statusCode()).isEqualTo(404);
    }

    @Test
    void faultAnswersWithGraphsErrorBodyAndRetryAfterForTheNextCallsOnly() throws Exception {
        send(
                "POST",
                "/_tenantry/faults",
                "{\"pattern\":\"/v1.0/users**\",\"status\":429,\"times\":1,\"retryAfterSeconds\":2}");

        HttpResponse<String> throttled = send("GET", "/v1.0/users", "");
        HttpResponse<String> next = send("GET", "/v1.0/users", "");

        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).contains("2");
        assertThat(throttled.body()).contains("\"code\":\"TooManyRequests\"");
        assertThat(next.statusCode()).isEqualTo(401);
    }

    @Test
    void resetRestoresTheSeedAndSnapshotsRestoreByName() throws Exception {
        var services = testServer.services();
        var contoso =
                testServer.testMode().orElseThrow().seeded().tenant("contoso").orElseThrow();
        var tenantId = dev.tenantry.shared.TenantId.parse(contoso.tenantId());
        services.users()
                .createUser(
                        dev.tenantry.shared.Caller.system(),
                        tenantId,
                        dev.tenantry.directory.NewUser.of("Temp", "temp", "Tenantry-Seed-1"));
        assertThat(send("POST", "/_tenantry/snapshots/with-temp", "").statusCode())
                .isEqualTo(201);

        assertThat(send("POST", "/_tenantry/reset", "").statusCode()).isEqualTo(204);
        assertThat(services.stores().users().findByUpn("temp@contoso.onmicrosoft.test"))
                .isEmpty();

        assertThat(send("POST", "/_tenantry/snapshots/with-temp/restore", "").statusCode())
                .isEqualTo(204);
        assertThat(services.stores().users().findByUpn("temp@contoso.onmicrosoft.test"))
                .isPresent();
    }

    @Test
    void badSeedIsRefusedWithItsLineAndFieldAndLoadsNothing() throws Exception {
        String bad = """
                tenants:
                  - domainPrefix: fabrikam
                    users:
                      - {userName: kim}
                    groups:
                      - {displayName: Ops, members: [nobody]}
                """;
        HttpResponse<String> refused = send("POST", "/_tenantry/seed", bad);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("line 6").contains("tenants[0].groups[0].members[0]");
        assertThat(testServer.services().tenants().findTenant("fabrikam.onmicrosoft.test"))
                .isEmpty();
        assertThatThrownBy(() -> SeedFile.parse("s.yaml", "tenants:\n  - domainPrefix: x\n    colour: red\n"))
                .isInstanceOf(SeedException.class)
                .hasMessageContaining("line 3")
                .hasMessageContaining("colour");
    }

    @Test
    void aFixedIdAnotherDirectoryAlreadyUsesIsRefusedAtItsFieldAndLoadsNothing() throws Exception {
        var jane = testServer
                .testMode()
                .orElseThrow()
                .seeded()
                .tenant("contoso")
                .orElseThrow()
                .users()
                .get("jane");
        String clash = """
                tenants:
                  - domainPrefix: wingtip
                    users:
                      - {userName: kim, id: %s}
                """.formatted(jane.objectId());

        HttpResponse<String> refused = send("POST", "/_tenantry/seed", clash);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body())
                .contains("line 4")
                .contains("tenants[0].users[0].id")
                .contains("already used");
        assertThat(testServer.services().tenants().findTenant("wingtip.onmicrosoft.test"))
                .isEmpty();
    }

    @Test
    void aPreHashedArgon2idPasswordSignsInOnATestModeServer() throws Exception {
        String hash = new Argon2idPasswordHasher().hash("Winter-Pass-2026");
        String seed = "tenants:\n  - domainPrefix: litware\n    users:\n      - {userName: ana, passwordHash: \"" + hash
                + "\"}\n";

        assertThat(send("POST", "/_tenantry/seed", seed).statusCode()).isEqualTo(201);
        assertThat(testServer
                        .services()
                        .credentials()
                        .authenticate("ana@litware.onmicrosoft.test", "Winter-Pass-2026")
                        .userPrincipalName())
                .isEqualTo("ana@litware.onmicrosoft.test");
    }

    @Test
    void seedLoadCommandLoadsAFileIntoTheRunningTestModeServer() throws Exception {
        Path file = Files.createTempFile(dataDir, "more", ".json");
        Files.writeString(file, "{\"tenants\":[{\"name\":\"tailspin\",\"domainPrefix\":\"tailspin\"}]}");

        int exit = dev.tenantry.cli.TenantryCli.run(
                java.util.Map.of("TENANTRY_DATA", dataDir.toString()),
                "seed",
                "load",
                file.toString(),
                "--url",
                "https://localhost:" + testServer.port());

        assertThat(exit).isZero();
        assertThat(testServer.services().tenants().findTenant("tailspin.onmicrosoft.test"))
                .isPresent();
        assertThat(dev.tenantry.cli.TenantryCli.run(
                        java.util.Map.of("TENANTRY_DATA", dataDir.toString()), "serve", "--seed", file.toString()))
                .isEqualTo(2);
    }

    @Test
    void productionVerifierRefusesATestModeHash() {
        String cheap = new TestModePasswordHasher().hash("Tenantry-Seed-1");
        assertThat(new TestModePasswordHasher().matches("Tenantry-Seed-1", cheap))
                .isTrue();
        assertThatThrownBy(() -> new Argon2idPasswordHasher().matches("Tenantry-Seed-1", cheap))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("test mode");
    }
}
