package dev.tenantry.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tenantry.access.AccessService;
import dev.tenantry.access.RoleAssignment;
import dev.tenantry.access.RoleDefinition;
import dev.tenantry.access.SubscriptionScope;
import dev.tenantry.app.Services;
import dev.tenantry.directory.CreatedDirectory;
import dev.tenantry.directory.DirectoryRoleTemplate;
import dev.tenantry.directory.NewUser;
import dev.tenantry.directory.User;
import dev.tenantry.identity.SigningKeys;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.DomainException;
import dev.tenantry.shared.TenantId;
import dev.tenantry.subscriptions.CloudSubscription;
import dev.tenantry.subscriptions.LicenceService.AddLicence;
import dev.tenantry.testing.CookieClient;
import dev.tenantry.testing.Races;
import dev.tenantry.testing.RunningServer;
import dev.tenantry.testing.TestBillingDetails;
import dev.tenantry.testing.TestDirectories;
import dev.tenantry.testing.TestDirectory;
import dev.tenantry.testing.Tokens;
import dev.tenantry.testing.TwoNodes;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two nodes over one PostgreSQL (issue 13): what one node writes, the other honours — sessions, refresh-token families,
 * idempotency records, the counted rules' locks and the signing keys. Skipped, with the reason, without a test
 * PostgreSQL; {@code bin/test} starts one.
 */
class TwoNodesIT {

    @RegisterExtension
    static final TwoNodes nodes = new TwoNodes();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final ExecutorService THREADS = Executors.newFixedThreadPool(2);
    private static final String SKU_ID = "f245ecc8-75af-4f8e-b61f-27d8114de5c3";

    @AfterAll
    static void stopThreads() {
        THREADS.shutdownNow();
    }

    @Test
    @DisplayName("a session made by signing in on node A serves the portal on node B")
    void aSessionMadeOnOneNodeServesPagesOnTheOther() {
        Directory directory = directory();
        CookieClient onA = new CookieClient(nodes.a()).signIn(directory.upn(), TestDirectories.PASSWORD);
        CookieClient onB = new CookieClient(nodes.b());
        onB.cookie(onA.cookie());

        HttpResponse<String> portal = onB.get("/portal");

        assertThat(portal.statusCode()).isEqualTo(200);
        assertThat(portal.body()).contains(directory.name());
        assertThat(new CookieClient(nodes.b()).get("/portal").statusCode()).isNotEqualTo(200);
    }

    @Test
    @DisplayName("a refresh token from node A is redeemed on node B, and its replay on A revokes the family")
    void aRefreshTokenRotatesAcrossNodesAndItsReplayRevokesTheFamily() throws Exception {
        Directory directory = directory();
        HttpResponse<String> signedIn = token(nodes.a(), directory, passwordForm(directory));
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
        String first = json(signedIn).get("refresh_token").asText();

        HttpResponse<String> onB = token(nodes.b(), directory, refreshForm(first));
        assertThat(onB.statusCode()).as(onB.body()).isEqualTo(200);
        String second = json(onB).get("refresh_token").asText();
        HttpResponse<String> replayOnA = token(nodes.a(), directory, refreshForm(first));
        HttpResponse<String> secondOnB = token(nodes.b(), directory, refreshForm(second));

        assertThat(onB.statusCode()).as(onB.body()).isEqualTo(200);
        assertThat(second).isNotEqualTo(first);
        assertThat(replayOnA.statusCode()).isEqualTo(400);
        assertThat(json(replayOnA).get("error").asText()).isEqualTo("invalid_grant");
        assertThat(secondOnB.statusCode()).isEqualTo(400);
        assertThat(json(secondOnB).get("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    @DisplayName("an Idempotency-Key retried on the other node returns the first answer")
    void anIdempotencyKeyRetriedOnTheOtherNodeReturnsTheFirstAnswer() {
        String prefix = "twonodes" + NEXT.incrementAndGet()
                + UUID.randomUUID().toString().substring(0, 6);
        String body = """
                {"organization":"Two nodes %s","domainPrefix":"%s","countryCode":"US",
                 "admin":{"displayName":"Kelley Wall","userName":"admin","password":"Tenantry!2026"},
                 "product":"MS-AZR-0044P"}
                """.formatted(prefix, prefix);
        String key = "two-nodes-" + UUID.randomUUID();

        HttpResponse<String> first = signUp(nodes.a(), key, body);
        HttpResponse<String> retry = signUp(nodes.b(), key, body);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().firstValue("Location"))
                .isEqualTo(first.headers().firstValue("Location"));
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
    }

    @Test
    @DisplayName("R13 across nodes: 20 assignments on 10 free seats, half through each node, give exactly 10")
    void r13TheSeatRaceAcrossNodesNeverOverAssigns() throws Exception {
        int seats = 10;
        Directory directory = directory();
        Caller.User admin = directory.admin();
        services(nodes.a()).subscriptions().buySuiteSubscription(admin, "O365_BUSINESS_PREMIUM", seats, false);
        List<User> users = new ArrayList<>();
        for (int i = 0; i < 2 * seats; i++) {
            users.add(services(nodes.a())
                    .users()
                    .createUser(
                            Caller.system(),
                            directory.tenant(),
                            new NewUser(
                                    "User " + i,
                                    "user" + i,
                                    TestDirectories.PASSWORD,
                                    null,
                                    null,
                                    null,
                                    true,
                                    "NL",
                                    null)));
        }

        CyclicBarrier start = new CyclicBarrier(users.size());
        List<Future<String>> outcomes = new ArrayList<>();
        ExecutorService admins = Executors.newFixedThreadPool(users.size());
        for (int i = 0; i < users.size(); i++) {
            Services node = services(i % 2 == 0 ? nodes.a() : nodes.b());
            String userId = users.get(i).id().toString();
            outcomes.add(admins.submit(() -> {
                start.await();
                try {
                    node.licences()
                            .assignLicense(
                                    admin,
                                    directory.tenant(),
                                    userId,
                                    List.of(new AddLicence(SKU_ID, null)),
                                    List.of());
                    return "assigned";
                } catch (DomainException refused) {
                    return refused.code();
                }
            }));
        }
        List<String> results = new ArrayList<>();
        try {
            for (Future<String> outcome : outcomes) {
                results.add(outcome.get(60, TimeUnit.SECONDS));
            }
        } finally {
            admins.shutdownNow();
        }

        assertThat(results.stream().filter("assigned"::equals))
                .as("%s", results)
                .hasSize(seats);
        assertThat(results.stream().filter("no_available_licenses"::equals)).hasSize(seats);
        assertThat(services(nodes.b()).subscriptions().subscribedSkus(Caller.system(), directory.tenant()))
                .singleElement()
                .satisfies(sku -> assertThat(sku.consumedUnits()).isEqualTo(seats));
    }

    @Test
    @DisplayName("R4 across nodes: two Owners removing each other's assignment, one on each node, leave one Owner")
    void r4TheLastOwnerRaceAcrossNodesLeavesAnOwner() throws Exception {
        int withoutOwner = 0;
        for (int i = 0; i < 8; i++) {
            Directory directory = directory();
            Caller.User firstAdmin = directory.admin();
            User second = services(nodes.a())
                    .users()
                    .createUser(
                            Caller.system(),
                            directory.tenant(),
                            NewUser.of("Second", "second", TestDirectories.PASSWORD));
            services(nodes.a())
                    .directoryRoles()
                    .assignRole(
                            Caller.system(),
                            directory.tenant(),
                            DirectoryRoleTemplate.GLOBAL_ADMINISTRATOR,
                            second.id());
            Caller.User secondAdmin = TestDirectory.callerOf(second);
            CloudSubscription subscription = services(nodes.a())
                    .subscriptions()
                    .createCloudSubscription(
                            firstAdmin,
                            "MS-AZR-0044P",
                            "Two nodes " + i,
                            TestBillingDetails.valid().build());
            SubscriptionScope scope = new SubscriptionScope(directory.tenant(), subscription.id());
            AccessService onA = services(nodes.a()).access();
            AccessService onB = services(nodes.b()).access();
            RoleAssignment firstOwner = onA.list(firstAdmin, scope).getFirst();
            RoleAssignment secondOwner = onA.assign(
                            firstAdmin,
                            scope,
                            UUID.randomUUID(),
                            RoleDefinition.OWNER,
                            second.id().value())
                    .assignment();

            Races.race(
                    THREADS,
                    () -> onA.remove(firstAdmin, scope, secondOwner.id()),
                    () -> onB.remove(secondAdmin, scope, firstOwner.id()));

            withoutOwner += onB.list(Caller.system(), scope).stream()
                            .noneMatch(assignment -> assignment.role() == RoleDefinition.OWNER)
                    ? 1
                    : 0;
        }

        assertThat(withoutOwner).isZero();
    }

    @Test
    @DisplayName("a signing key rotated on node A is published by node B's JWKS within the reload interval")
    void aKeyRotatedOnOneNodeIsPublishedByTheOtherWithinTheBound() throws Exception {
        Directory directory = directory();
        String jwks = "/" + directory.tenant().value() + "/discovery/v2.0/keys";
        assertThat(nodes.b().get(jwks).statusCode()).isEqualTo(200);

        long rotatedAt = System.nanoTime();
        String kid = services(nodes.a()).signingKeys().rotate();
        Duration bound = SigningKeys.RELOAD_INTERVAL.plusSeconds(2);
        Duration waited = Duration.ZERO;
        while (!nodes.b().get(jwks).body().contains("\"" + kid + "\"") && waited.compareTo(bound.plusSeconds(10)) < 0) {
            Thread.sleep(200);
            waited = Duration.ofNanos(System.nanoTime() - rotatedAt);
        }

        assertThat(nodes.b().get(jwks).body()).contains("\"" + kid + "\"");
        assertThat(waited).isLessThanOrEqualTo(bound);
        assertThat(nodes.a().get(jwks).body()).contains("\"" + kid + "\"");
    }

    private record Directory(TenantId tenant, Caller.User admin, String upn, String name) {}

    private static Directory directory() {
        int n = NEXT.incrementAndGet();
        String prefix = "node" + n + "-" + UUID.randomUUID().toString().substring(0, 8);
        String name = "Two nodes " + n;
        CreatedDirectory created = services(nodes.a())
                .tenants()
                .createDirectory(name, "US", prefix, NewUser.of("Admin " + n, "admin", TestDirectories.PASSWORD));
        return new Directory(
                created.tenant().id(),
                TestDirectory.callerOf(created.admin()),
                created.admin().userPrincipalName(),
                name);
    }

    private static Services services(RunningServer node) {
        return node.app().services();
    }

    private static HttpResponse<String> signUp(RunningServer node, String key, String body) {
        return node.send(node.request("/api/signups")
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    private static HttpResponse<String> token(RunningServer node, Directory directory, Map<String, String> form) {
        return node.postForm(
                "/" + directory.tenant().value() + "/oauth2/v2.0/token",
                form.entrySet().stream()
                        .map(field -> CookieClient.encode(field.getKey()) + "=" + CookieClient.encode(field.getValue()))
                        .collect(Collectors.joining("&")));
    }

    private static Map<String, String> passwordForm(Directory directory) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", Tokens.AZURE_CLI);
        form.put("grant_type", "password");
        form.put("username", directory.upn());
        form.put("password", TestDirectories.PASSWORD);
        form.put("scope", Tokens.GRAPH + " openid profile offline_access");
        return form;
    }

    private static Map<String, String> refreshForm(String refreshToken) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", Tokens.AZURE_CLI);
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        form.put("scope", Tokens.GRAPH + " openid profile offline_access");
        return form;
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }
}
