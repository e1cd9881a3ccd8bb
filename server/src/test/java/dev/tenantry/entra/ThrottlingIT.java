package dev.tenantry.entra;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.directory.CreatedDirectory;
import dev.tenantry.directory.NewUser;
import dev.tenantry.directory.apps.Application;
import dev.tenantry.directory.apps.ApplicationService;
import dev.tenantry.directory.apps.CreatedSecret;
import dev.tenantry.directory.credentials.BoundedPasswordHasher;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.ServiceBusyException;
import dev.tenantry.shared.TenantId;
import dev.tenantry.testing.CookieClient;
import dev.tenantry.testing.RunningServer;
import dev.tenantry.web.SlowRefusals;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Issue 7.8 over HTTPS: account lockout, client throttling and load shedding on every surface that checks one. */
class ThrottlingIT {

    @RegisterExtension
    static final RunningServer server = new RunningServer();

    static final String AZURE_CLI = "04b07795-8ddb-461a-bbee-02f9e1bf7b46";
    static final String PASSWORD = "Passw0rd!x";
    static final String GRAPH = "https://graph.microsoft.com/.default";

    static CreatedDirectory contoso;

    @BeforeAll
    static void directory() {
        contoso = server.app()
                .services()
                .tenants()
                .createDirectory("Contoso", "US", "contoso", NewUser.of("Kelley Wall", "admin", PASSWORD));
    }

    static String user(String name) {
        Caller admin = new Caller.User(contoso.tenant().id(), contoso.admin().id());
        return server.app()
                .services()
                .users()
                .createUser(admin, contoso.tenant().id(), NewUser.of(name, name, PASSWORD))
                .userPrincipalName();
    }

    static HttpResponse<String> token(String tenant, String... pairs) {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            form.append(i == 0 ? "" : "&")
                    .append(pairs[i])
                    .append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return server.postForm("/" + tenant + "/oauth2/v2.0/token", form.toString());
    }

    static HttpResponse<String> passwordGrant(String upn, String password) {
        return token(
                "organizations",
                "grant_type",
                "password",
                "client_id",
                AZURE_CLI,
                "username",
                upn,
                "password",
                password,
                "scope",
                GRAPH);
    }

    @Test
    @DisplayName("issue 7.8: ten wrong passwords lock the account: the right one gets AADSTS50053")
    void tenWrongPasswordGrantsLockTheAccount() {
        String upn = user("grant-victim");
        for (int i = 0; i < 10; i++) {
            assertThat(passwordGrant(upn, "Wrong!2026-" + i).body()).contains("AADSTS50126");
        }

        HttpResponse<String> locked = passwordGrant(upn, PASSWORD);

        assertThat(locked.statusCode()).isEqualTo(400);
        assertThat(locked.body())
                .contains("\"error\":\"invalid_grant\"", "AADSTS50053", "Your account is locked", "[50053]");
    }

    @Test
    @DisplayName("issue 7.8: ten wrong web sign-ins lock the account: the sign-in page says so to the right password")
    void tenWrongWebSignInsLockTheAccount() {
        String upn = user("page-victim");
        CookieClient browser = new CookieClient(server);
        for (int i = 0; i < 10; i++) {
            browser.postFrom("/signin", "/signin", "username", upn, "password", "Wrong!2026-" + i, "returnUrl", "/");
        }

        HttpResponse<String> locked =
                browser.postFrom("/signin", "/signin", "username", upn, "password", PASSWORD, "returnUrl", "/");

        assertThat(locked.statusCode()).isEqualTo(401);
        assertThat(locked.body()).contains("Your account is locked");
        assertThat(browser.cookie()).isNull();
    }

    @Test
    @DisplayName("issue 7.8: ten wrong client secrets throttle the client: 429, Retry-After, AADSTS50196")
    void wrongClientSecretsThrottleTheClient() {
        TenantId tenant = contoso.tenant().id();
        Caller admin = new Caller.User(tenant, contoso.admin().id());
        ApplicationService applications = server.app().services().applications();
        Application app = applications.createApplication(admin, tenant, "Daemon");
        CreatedSecret secret = applications.addPassword(admin, tenant, app.id(), null, null);
        applications.createServicePrincipal(admin, tenant, app.appId());
        String[] grant = {
            "grant_type", "client_credentials", "client_id", app.appId().toString(), "scope", GRAPH
        };
        for (int i = 0; i < 10; i++) {
            assertThat(token(tenant.toString(), with(grant, "client_secret", "wrong-" + i))
                            .statusCode())
                    .isEqualTo(401);
        }

        HttpResponse<String> throttled = token(tenant.toString(), with(grant, "client_secret", secret.secretText()));

        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After"))
                .hasValueSatisfying(
                        seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 60));
        assertThat(throttled.body()).contains("\"error\":\"temporarily_unavailable\"", "AADSTS50196");
    }

    @Test
    @DisplayName("issue 7.8: with every hashing worker busy and the queue full, checks are shed with 503 + Retry-After")
    void aFullHashingQueueShedsPasswordChecksButServesCheapRequests() throws Exception {
        CookieClient browser = new CookieClient(server);
        String csrf = browser.csrf("/signin");
        BoundedPasswordHasher hashing = server.app().passwordHashing();
        CountDownLatch release = new CountDownLatch(1);
        List<Thread> occupiers = occupyEverySlot(hashing, release);
        try {
            long asked = System.nanoTime();
            HttpResponse<String> grant = passwordGrant(contoso.admin().userPrincipalName(), PASSWORD);
            Duration refusedAfter = Duration.ofNanos(System.nanoTime() - asked);
            HttpResponse<String> v1Grant = server.postForm(
                    "/organizations/oauth2/token",
                    "grant_type=password&client_id=" + AZURE_CLI + "&resource=https%3A%2F%2Fgraph.microsoft.com"
                            + "&username=" + URLEncoder.encode(contoso.admin().userPrincipalName(), UTF_8)
                            + "&password=" + URLEncoder.encode(PASSWORD, UTF_8));
            long posted = System.nanoTime();
            HttpResponse<String> page = browser.post(
                    "/signin",
                    Map.of("csrf_token", csrf, "username", contoso.admin().userPrincipalName(), "password", PASSWORD));
            Duration pageAfter = Duration.ofNanos(System.nanoTime() - posted);
            HttpResponse<String> api = server.postJson("/api/signups", """
                    {"organization":"Busy","domainPrefix":"busy","countryCode":"US",
                     "admin":{"displayName":"Bea Busy","userName":"admin","password":"Tenantry!2026"},
                     "product":"MS-AZR-0044P"}""");
            HttpResponse<String> health = server.get("/health");

            assertThat(grant.statusCode()).isEqualTo(503);
            assertThat(grant.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(grant.body()).contains("\"error\":\"temporarily_unavailable\"", "AADSTS90033");
            // issue 13: a refusal for load is answered late, so a flood that ignores Retry-After is slowed by it
            assertThat(refusedAfter).isGreaterThanOrEqualTo(SlowRefusals.DELAY);
            assertThat(v1Grant.statusCode()).isEqualTo(503);
            assertThat(v1Grant.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(v1Grant.body()).contains("AADSTS90033");
            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(page.body()).contains("too many sign-ins");
            assertThat(pageAfter).isGreaterThanOrEqualTo(SlowRefusals.DELAY);
            assertThat(api.statusCode()).isEqualTo(503);
            assertThat(api.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(api.body()).contains("\"code\":\"server_busy\"");
            assertThat(health.statusCode()).isEqualTo(200);
        } finally {
            release.countDown();
            for (Thread occupier : occupiers) {
                occupier.join();
            }
        }
        assertThat(passwordGrant(contoso.admin().userPrincipalName(), PASSWORD).statusCode())
                .isEqualTo(200);
    }

    @Test
    @DisplayName("issue 13: a password flood past the queue bound gets 503 + Retry-After while client credentials get"
            + " tokens")
    void aPasswordFloodIsShedWhileClientCredentialsAreServed() throws Exception {
        TenantId tenant = contoso.tenant().id();
        Caller admin = new Caller.User(tenant, contoso.admin().id());
        ApplicationService applications = server.app().services().applications();
        Application app = applications.createApplication(admin, tenant, "Daemon beside a flood");
        CreatedSecret secret = applications.addPassword(admin, tenant, app.id(), null, null);
        applications.createServicePrincipal(admin, tenant, app.appId());
        BoundedPasswordHasher hashing = server.app().passwordHashing();
        CountDownLatch release = new CountDownLatch(1);
        List<Thread> occupiers = occupyEverySlot(hashing, release);
        try {
            List<HttpResponse<String>> flood = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                flood.add(passwordGrant(contoso.admin().userPrincipalName(), PASSWORD));
            }
            HttpResponse<String> daemon = token(
                    tenant.toString(),
                    "grant_type",
                    "client_credentials",
                    "client_id",
                    app.appId().toString(),
                    "client_secret",
                    secret.secretText(),
                    "scope",
                    GRAPH);

            assertThat(flood).allSatisfy(grant -> {
                assertThat(grant.statusCode()).isEqualTo(503);
                assertThat(grant.headers().firstValue("Retry-After")).hasValue("1");
            });
            assertThat(daemon.statusCode()).isEqualTo(200);
            assertThat(daemon.body()).contains("\"access_token\"");
        } finally {
            release.countDown();
            for (Thread occupier : occupiers) {
                occupier.join();
            }
        }
    }

    /**
     * Fills every worker and every queue place of the hasher with work that waits for {@code release}. A password
     * check of an earlier request may still hold a place, so occupiers that are turned away are replaced until the
     * hasher is full of occupiers alone; it fails after a minute rather than hanging the build.
     */
    static List<Thread> occupyEverySlot(BoundedPasswordHasher hashing, CountDownLatch release)
            throws InterruptedException {
        int workers = Runtime.getRuntime().availableProcessors();
        int queue = 4 * workers;
        AtomicInteger running = new AtomicInteger();
        List<Thread> occupiers = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (running.get() < workers || hashing.waiting() < queue) {
            if (System.nanoTime() > deadline) {
                release.countDown();
                throw new AssertionError("could not fill the hasher: " + running.get() + " of " + workers + " workers, "
                        + hashing.waiting() + " of " + queue + " queue places");
            }
            if (occupiers.stream().filter(Thread::isAlive).count() < workers + queue) {
                occupiers.add(Thread.ofPlatform().daemon().start(() -> occupy(hashing, release, running)));
            }
            Thread.sleep(5);
        }
        return occupiers;
    }

    private static void occupy(BoundedPasswordHasher hashing, CountDownLatch release, AtomicInteger running) {
        try {
            hashing.bounded(() -> {
                running.incrementAndGet();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            });
        } catch (ServiceBusyException turnedAway) {
            // another request held the place; the caller starts another occupier
        }
    }

    static String[] with(String[] pairs, String name, String value) {
        String[] all = Arrays.copyOf(pairs, pairs.length + 2);
        all[pairs.length] = name;
        all[pairs.length + 1] = value;
        return all;
    }
}
