package dev.tenantry.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.testing.RunningServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SignUpIT {

    @RegisterExtension
    static final RunningServer server = new RunningServer();

    static String signUp(String prefix, String product) {
        return """
                {"organization":"Contoso %s","domainPrefix":"%s","countryCode":"US",
                 "admin":{"displayName":"Kelley Wall","userName":"admin","password":"Tenantry!2026"},
                 "product":"%s"}
                """.formatted(prefix, prefix, product);
    }

    @Test
    void r8SignUpForSuiteCreatesDirectoryAdminAndSubscription() {
        HttpResponse<String> response =
                server.postJson("/api/signups", signUp("suitefirst", "O365_BUSINESS_ESSENTIALS"));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).startsWith("/api/tenants/"));
        assertThat(response.body())
                .contains("\"initialDomain\":\"suitefirst.onmicrosoft.test\"")
                .contains("\"userPrincipalName\":\"admin@suitefirst.onmicrosoft.test\"")
                .contains("\"family\":\"suite\"")
                .contains("\"skuPartNumber\":\"O365_BUSINESS_ESSENTIALS\"")
                .contains("\"skuId\":\"3b555118-da6a-4418-894f-7df1e2096870\"");
    }

    @Test
    void r8SignUpForCloudCreatesSubscriptionWithAccountAdministrator() {
        HttpResponse<String> response = server.postJson("/api/signups", signUp("cloudfirst", "MS-AZR-0044P"));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body())
                .contains("\"family\":\"cloud\"")
                .contains("\"offerId\":\"MS-AZR-0044P\"")
                .contains("\"state\":\"Enabled\"")
                .contains("\"displayName\":\"Free Trial\"");
    }

    @Test
    void r12EnterpriseAgreementOfferIsRefusedAndNothingIsCreated() {
        HttpResponse<String> refused = server.postJson("/api/signups", signUp("eacorp", "MS-AZR-0017P"));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body())
                .contains("\"code\":\"offer_not_self_service\"")
                .contains("enterprise agreement");
        assertThat(server.get("/api/domains/eacorp/availability").body()).contains("\"available\":true");
    }

    @Test
    void r8FailedSignUpLeavesNoDirectoryBehind() {
        String badSeats = signUp("rollback", "ENTERPRISEPACK").replace("\"product\"", "\"seats\":100000,\"product\"");

        HttpResponse<String> refused = server.postJson("/api/signups", badSeats);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("\"code\":\"invalid_seats\"");
        assertThat(server.get("/api/domains/rollback/availability").body()).contains("\"available\":true");
    }

    @Test
    void weakPasswordIsAProblemNamingWhatIsMissing() {
        String weak = signUp("weakpw", "MS-AZR-0044P").replace("Tenantry!2026", "short");

        HttpResponse<String> refused = server.postJson("/api/signups", weak);

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(refused.body()).contains("\"code\":\"weak_password\"").contains("at least 8 characters");
    }

    @Test
    void takenDomainIsAConflict() {
        server.postJson("/api/signups", signUp("taken", "MS-AZR-0044P"));

        HttpResponse<String> second = server.postJson("/api/signups", signUp("taken", "MS-AZR-0003P"));

        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(second.body()).contains("\"code\":\"domain_taken\"");
    }

    @Test
    void malformedJsonIsABadRequestNotAServerError() {
        HttpResponse<String> response = server.postJson("/api/signups", "{\"organization\":");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"code\":\"malformed_body\"");
    }

    @Test
    void retriedSignUpWithIdempotencyKeyReturnsTheFirstAnswerAndLocation() {
        String body = signUp("idem", "MS-AZR-0044P");
        HttpRequest request = server.request("/api/signups")
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "signup-idem-1")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();

        HttpResponse<String> first = server.send(request);
        HttpResponse<String> retry = server.send(request);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        // issue 8: the replay answers with the first answer's Location too
        assertThat(first.headers().firstValue("Location")).isPresent();
        assertThat(retry.headers().firstValue("Location"))
                .isEqualTo(first.headers().firstValue("Location"));
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
    }

    @Test
    void idempotencyKeyReusedWithAnotherBodyIsRefused() {
        server.send(server.request("/api/signups")
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "signup-idem-2")
                .POST(HttpRequest.BodyPublishers.ofString(signUp("idemtwo", "MS-AZR-0044P")))
                .build());

        HttpResponse<String> other = server.send(server.request("/api/signups")
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "signup-idem-2")
                .POST(HttpRequest.BodyPublishers.ofString(signUp("idemthree", "MS-AZR-0044P")))
                .build());

        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(other.body()).contains("\"code\":\"idempotency_key_reused\"");
    }

    @Test
    void concurrentRetriesCreateOneDirectory() throws Exception {
        HttpRequest request = server.request("/api/signups")
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "signup-concurrent")
                .POST(HttpRequest.BodyPublishers.ofString(signUp("concurrent", "MS-AZR-0044P")))
                .build();

        try (var pool = Executors.newFixedThreadPool(4)) {
            var futures = java.util.stream.IntStream.range(0, 4)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> server.send(request), pool))
                    .toList();
            var statuses = futures.stream()
                    .map(CompletableFuture::join)
                    .map(HttpResponse::statusCode)
                    .toList();
            var bodies = futures.stream()
                    .map(CompletableFuture::join)
                    .filter(r -> r.statusCode() == 201)
                    .map(HttpResponse::body)
                    .distinct()
                    .toList();

            assertThat(statuses).allMatch(s -> s == 201 || s == 409);
            assertThat(bodies).hasSize(1);
        }
    }

    @Test
    void catalogListsRealIdentifiers() {
        HttpResponse<String> catalog = server.get("/api/catalog");

        assertThat(catalog.statusCode()).isEqualTo(200);
        assertThat(catalog.body())
                .contains("MS-AZR-0044P", "MS-AZR-0003P", "MS-AZR-0017P")
                .contains("6fd2c87f-b296-42f0-b197-1e91e994b900", "ENTERPRISEPACK", "O365_BUSINESS_PREMIUM");
    }

    @Test
    void openApiDocumentIsServed() {
        HttpResponse<String> document = server.get("/api/openapi.yaml");

        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(document.body()).contains("openapi: 3.1.0", "/api/signups");
    }
}
