package dev.tenantry.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantry.directory.CreatedDirectory;
import dev.tenantry.directory.GraphPermission;
import dev.tenantry.directory.NewUser;
import dev.tenantry.directory.apps.Application;
import dev.tenantry.directory.apps.ApplicationService;
import dev.tenantry.directory.apps.CreatedSecret;
import dev.tenantry.directory.apps.ServicePrincipal;
import dev.tenantry.identity.TokenRequest;
import dev.tenantry.shared.AuthenticationException;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.GenerationCache;
import dev.tenantry.shared.TenantId;
import dev.tenantry.storage.Database;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13: the token path caches its reads, and two servers over one database agree within {@link
 * GenerationCache#CHECK_EVERY}: a secret removed on node A stops working on A at once and on B within the bound.
 */
class TokenPathCacheIT {

    @TempDir
    Path data;

    private TenantryApp nodeA;
    private TenantryApp nodeB;
    private TenantId tenant;
    private Caller admin;
    private Application app;
    private CreatedSecret secret;

    @BeforeEach
    void twoNodesOverOneDatabase() {
        // one named in-memory H2 database that both servers (own pools, own caches) reach, as two nodes reach one
        // PostgreSQL; they share the data directory for the master key and the certificate
        Map<String, String> env = Map.of(
                "TENANTRY_JDBC_URL", Database.h2MemoryUrl("cache-" + UUID.randomUUID()),
                "TENANTRY_DATA", data.toString(),
                "TENANTRY_PORT", "0");
        nodeA = TenantryApp.start(TenantryConfig.fromEnv(env));
        nodeB = TenantryApp.start(TenantryConfig.fromEnv(env));
        CreatedDirectory contoso = nodeA.services()
                .tenants()
                .createDirectory("Contoso", "US", "contoso", NewUser.of("Admin", "admin", "Passw0rd!x"));
        tenant = contoso.tenant().id();
        admin = new Caller.User(tenant, contoso.admin().id());
        ApplicationService applications = nodeA.services().applications();
        app = applications.createApplication(admin, tenant, "cached");
        secret = applications.addPassword(admin, tenant, app.id(), "s", null);
        ServicePrincipal sp = applications.createServicePrincipal(admin, tenant, app.appId());
        ServicePrincipal graph = applications
                .findServicePrincipalByAppId(tenant, ApplicationService.MICROSOFT_GRAPH_APP_ID)
                .orElseThrow();
        applications.grantAppRole(admin, tenant, sp.id(), graph.id(), GraphPermission.USER_READ_ALL.id());
    }

    @AfterEach
    void stop() {
        nodeB.close();
        nodeA.close();
    }

    @Test
    @DisplayName("issue 13: a secret removed on node A is refused on A at once and on B within the stated bound")
    void removedSecretStopsWorkingOnEveryNodeWithinTheBound() throws InterruptedException {
        assertThat(token(nodeA)).isNotBlank();
        assertThat(token(nodeB)).isNotBlank(); // both nodes now hold the client in their caches

        nodeA.services()
                .applications()
                .removePassword(admin, tenant, app.id(), secret.credential().keyId());

        assertThatThrownBy(() -> token(nodeA)).isInstanceOf(AuthenticationException.class);
        Duration refusedAfter = refusedWithin(nodeB, Duration.ofSeconds(30));
        // the bound is CHECK_EVERY; the margin is for a machine whose cores other processes share
        assertThat(refusedAfter).isLessThan(GenerationCache.CHECK_EVERY.plusSeconds(5));
    }

    @Test
    @DisplayName("issue 13: reads are served from the cache until the generation in the database moves")
    void servedFromTheCacheUntilTheGenerationMoves() throws InterruptedException {
        assertThat(token(nodeB)).isNotBlank();
        // a write behind the server's back, which no bump announces: the cached secret keeps working
        nodeA.database()
                .jdbi()
                .useHandle(h -> h.execute("DELETE FROM application_secret WHERE application_id = ?", app.id()));
        Thread.sleep(GenerationCache.CHECK_EVERY.toMillis() * 2);
        assertThat(token(nodeB)).as("cached: the database was not read again").isNotBlank();

        nodeA.database()
                .jdbi()
                .useHandle(h ->
                        h.execute("UPDATE cache_generation SET generation = generation + 1 WHERE name = 'directory'"));

        Duration refusedAfter = refusedWithin(nodeB, Duration.ofSeconds(30));
        assertThat(refusedAfter).isLessThan(GenerationCache.CHECK_EVERY.plusSeconds(5));
    }

    /** How long after now {@code node} first refuses the removed secret; polls every 10 ms up to {@code limit}. */
    private Duration refusedWithin(TenantryApp node, Duration limit) throws InterruptedException {
        long start = System.nanoTime();
        while (System.nanoTime() - start < limit.toNanos()) {
            try {
                token(node);
            } catch (AuthenticationException refused) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            Thread.sleep(10);
        }
        return limit;
    }

    private String token(TenantryApp node) {
        return node.services()
                .tokens()
                .token(
                        new TokenRequest(
                                tenant.toString(),
                                "client_credentials",
                                new TokenRequest.Client(app.appId().toString(), secret.secretText()),
                                "https://graph.microsoft.com/.default",
                                false,
                                TokenRequest.Parameters.NONE),
                        "https://localhost")
                .accessToken();
    }
}
