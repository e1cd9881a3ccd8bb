package dev.tenantry.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tenantry.testing.RunningServer;
import dev.tenantry.testing.Tls;
import dev.tenantry.testing.Tokens;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 7.5 and its low items, over HTTPS: bad input is a 4xx that says what is wrong, never a 500. */
class BadInputIT {

    @RegisterExtension
    static final RunningServer server = new RunningServer();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "Tenantry!2026";
    private static final String TOKEN = "/organizations/oauth2/v2.0/token";
    private static final String ARM = "?api-version=2022-12-01";

    static String subscriptionId;
    static String graphToken;
    static String armToken;
    static String groupId;

    @BeforeAll
    static void signUp() throws Exception {
        HttpResponse<String> signUp = server.postJson("/api/signups", """
                {"organization":"Tailspin","domainPrefix":"tailspin","countryCode":"US",
                 "admin":{"displayName":"Ada Admin","userName":"admin","password":"%s"},"product":"MS-AZR-0044P"}
                """.formatted(PASSWORD));
        assertThat(signUp.statusCode()).as(signUp.body()).isEqualTo(201);
        subscriptionId =
                JSON.readTree(signUp.body()).at("/subscription/subscriptionId").asText();
        graphToken = Tokens.password(server, "admin@tailspin.onmicrosoft.test", PASSWORD, Tokens.GRAPH);
        armToken = Tokens.password(server, "admin@tailspin.onmicrosoft.test", PASSWORD, Tokens.MANAGEMENT);
        HttpResponse<String> group = server.postJson("/v1.0/groups", """
                {"displayName":"Fuzzed","mailEnabled":false,"mailNickname":"fuzzed","securityEnabled":true}""", graphToken);
        assertThat(group.statusCode()).as(group.body()).isEqualTo(201);
        groupId = JSON.readTree(group.body()).get("id").asText();
    }

    /** Every route that reads a JSON body: method, path, and which token it takes (null: none). */
    static Stream<List<String>> jsonRoutes() {
        String sub = "/subscriptions/" + subscriptionId; // the ARM routes look the subscription up first
        String rg = sub + "/resourcegroups/rg1" + ARM;
        String ra = sub + "/providers/Microsoft.Authorization/roleAssignments/" + "11111111-1111-1111-1111-111111111111"
                + "?api-version=2022-04-01";
        return Stream.of(
                List.of("POST", "/api/signups", ""),
                List.of("POST", "/api/subscriptions/cloud", "arm"),
                List.of("POST", "/api/subscriptions/suite", "arm"),
                List.of("POST", "/api/subscriptions/suite/11111111-1111-1111-1111-111111111112/seats", "arm"),
                List.of("POST", "/api/subscriptions/suite/11111111-1111-1111-1111-111111111112/convert", "arm"),
                List.of("POST", "/api/subscriptions/cloud/" + subscriptionId + "/serviceAdministrator", "arm"),
                List.of("POST", "/api/subscriptions/cloud/" + subscriptionId + "/coAdministrators", "arm"),
                List.of("POST", "/api/subscriptions/cloud/" + subscriptionId + "/billingOwnershipTransfers", "arm"),
                List.of("POST", "/v1.0/users", "graph"),
                List.of("PATCH", "/v1.0/users/admin@tailspin.onmicrosoft.test", "graph"),
                List.of("POST", "/v1.0/users/admin@tailspin.onmicrosoft.test/assignLicense", "graph"),
                List.of("POST", "/v1.0/applications", "graph"),
                List.of("POST", "/v1.0/applications/00000000-0000-0000-0000-000000000002/addPassword", "graph"),
                List.of("POST", "/v1.0/servicePrincipals", "graph"),
                List.of(
                        "POST",
                        "/v1.0/servicePrincipals/00000000-0000-0000-0000-000000000003/appRoleAssignments",
                        "graph"),
                List.of("POST", "/v1.0/directoryRoles", "graph"),
                List.of("POST", "/v1.0/directoryRoles/00000000-0000-0000-0000-000000000004/members/$ref", "graph"),
                List.of("POST", "/v1.0/groups", "graph"),
                List.of("PATCH", "/v1.0/groups/" + groupId, "graph"),
                List.of("POST", "/v1.0/groups/" + groupId + "/members/$ref", "graph"),
                List.of("POST", "/v1.0/groups/" + groupId + "/owners/$ref", "graph"),
                List.of("POST", "/v1.0/groups/" + groupId + "/assignLicense", "graph"),
                List.of("POST", "/v1.0/groups/" + groupId + "/checkMemberGroups", "graph"),
                List.of("POST", "/v1.0/users/admin@tailspin.onmicrosoft.test/checkMemberGroups", "graph"),
                List.of("POST", "/v1.0/users/admin@tailspin.onmicrosoft.test/getMemberGroups", "graph"),
                List.of("POST", "/v1.0/directoryObjects/" + groupId + "/getMemberObjects", "graph"),
                List.of("POST", "/v1.0/me/checkMemberGroups", "graph"),
                List.of("PUT", rg, "arm"),
                List.of("PUT", ra, "arm"));
    }

    private static HttpResponse<String> send(
            String method, String path, String token, String contentType, String body) {
        HttpRequest.Builder request = server.request(path)
                .header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (token != null && !token.isEmpty()) {
            request.header("Authorization", "Bearer " + token);
        }
        return server.send(request.build());
    }

    private static HttpResponse<String> json(List<String> route, String body) {
        String token =
                switch (route.get(2)) {
                    case "graph" -> graphToken;
                    case "arm" -> armToken;
                    default -> null;
                };
        return send(route.get(0), route.get(1), token, "application/json", body);
    }

    @ParameterizedTest
    @MethodSource("jsonRoutes")
    @DisplayName("issue 7.5: a JSON body of null, an array or a bare value is a 400 on every JSON route")
    void bodyThatIsNotAnObjectIsRefused(List<String> route) {
        for (String body : List.of("null", "[]", "[null]", "\"x\"", "42", "true", " null ")) {
            HttpResponse<String> response = json(route, body);

            assertThat(response.statusCode())
                    .as(route + " " + body + ": " + response.body())
                    .isEqualTo(400);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"addLicenses\":[null],\"removeLicenses\":[]}",
                "{\"addLicenses\":[],\"removeLicenses\":[null]}",
                "{\"addLicenses\":[{}],\"removeLicenses\":[]}",
                "{\"addLicenses\":[{\"skuId\":\"not-a-guid\"}],\"removeLicenses\":[]}",
                "{\"addLicenses\":[{\"skuId\":42}],\"removeLicenses\":[]}",
                "{\"addLicenses\":[],\"removeLicenses\":[\"not-a-guid\"]}",
                "{\"addLicenses\":[{\"skuId\":\"6fd2c87f-b296-42f0-b197-1e91e994b900\",\"disabledPlans\":[null]}],"
                        + "\"removeLicenses\":[]}",
                "{\"addLicenses\":[{\"skuId\":\"6fd2c87f-b296-42f0-b197-1e91e994b900\",\"disabledPlans\":[\"x\"]}],"
                        + "\"removeLicenses\":[]}",
                "{\"addLicenses\":{},\"removeLicenses\":[]}"
            })
    @DisplayName("issue 9 (R13): a malformed assignLicense body is a 400 that says what to fix, never a 500")
    void malformedLicenceAssignmentsAreRefused(String body) {
        HttpResponse<String> response =
                json(List.of("POST", "/v1.0/users/admin@tailspin.onmicrosoft.test/assignLicense", "graph"), body);

        assertThat(response.statusCode()).as(body + ": " + response.body()).isEqualTo(400);
        assertThat(response.body()).contains("Request_BadRequest");
    }

    @Test
    @DisplayName("issue 7.5: a multipart token request is a 400 invalid_request in the AADSTS shape")
    void multipartTokenRequestIsRefused() throws Exception {
        for (String type : List.of("multipart/form-data", "multipart/form-data; boundary=x")) {
            HttpResponse<String> response = send("POST", TOKEN, null, type, "grant_type=password");

            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            JsonNode body = JSON.readTree(response.body());
            assertThat(body.get("error").asText()).isEqualTo("invalid_request");
            assertThat(body.get("error_description").asText()).startsWith("AADSTS");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"!!!not-base64", "bm9jb2xvbg==", "YSV6ejpiJQ==", "/w==", "YQ"})
    @DisplayName("issue 7.5: unreadable Basic client credentials are a 401 invalid_client in the AADSTS shape")
    void malformedBasicCredentialsAreInvalidClient(String credentials) throws Exception {
        // bm9jb2xvbg== is "nocolon"; YSV6ejpiJQ== is "a%zz:b%"; /w== is a byte that is not UTF-8; YQ lacks padding
        HttpResponse<String> response = server.send(server.request("/tailspin.onmicrosoft.test/oauth2/v2.0/token")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + credentials)
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=x"))
                .build());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("error").asText()).isEqualTo("invalid_client");
        assertThat(body.get("error_codes").isArray()).isTrue();
        assertThat(body.get("error_description").asText()).startsWith("AADSTS");
    }

    @ParameterizedTest
    @ValueSource(strings = {"grant_type=password&client_id=%zz", "grant_type=%C3%28", "grant_type=a&grant_type=b"})
    @DisplayName("issue 7.5: a token form that cannot be read is a 400 invalid_request")
    void unreadableTokenFormIsInvalidRequest(String form) throws Exception {
        HttpResponse<String> response = server.postForm(TOKEN, form);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("error").asText()).isEqualTo("invalid_request");
    }

    @Test
    @DisplayName("issue 7.5: a scope longer than the refresh token column is a 400 invalid_scope")
    void overlongScopeIsRefused() throws Exception {
        String scope = "offline_access openid " + "https://graph.microsoft.com/User.Read ".repeat(60);
        HttpResponse<String> response = server.postForm(
                TOKEN,
                "grant_type=password&client_id=" + Tokens.AZURE_CLI + "&username=admin%40tailspin.onmicrosoft.test"
                        + "&password=" + enc(PASSWORD) + "&scope=" + enc(scope));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("error").asText()).isEqualTo("invalid_scope");
    }

    @Test
    @DisplayName("issue 7.5: resource group fields longer than their columns are a 400")
    void resourceGroupLengthsAreChecked() {
        String group = "/subscriptions/" + subscriptionId + "/resourcegroups/";
        assertThat(send(
                                "PUT",
                                group + "rg1" + ARM,
                                armToken,
                                "application/json",
                                "{\"location\":\"" + "w".repeat(65) + "\"}")
                        .statusCode())
                .isEqualTo(400);
        String tags = "{"
                + String.join(
                        ",",
                        Stream.iterate(0, i -> i + 1)
                                .limit(20)
                                .map(i -> "\"t" + i + "\":\"" + "v".repeat(250) + "\"")
                                .toList())
                + "}";
        assertThat(send(
                                "PUT",
                                group + "rg1" + ARM,
                                armToken,
                                "application/json",
                                "{\"location\":\"westus\",\"tags\":" + tags + "}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(send(
                                "PUT",
                                group + enc("\u0130".repeat(90)) + ARM,
                                armToken,
                                "application/json",
                                "{\"location\":\"westus\"}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(send(
                                "PUT",
                                group + "rg1" + ARM,
                                armToken,
                                "application/json",
                                "{\"location\":\"westus\",\"tags\":{\"a\":null}}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(send(
                                "PUT",
                                group + "rg1" + ARM,
                                armToken,
                                "application/json",
                                "{\"location\":\"westus\",\"tags\":{\"a\":\"b\"}}")
                        .statusCode())
                .isEqualTo(201);
    }

    @ParameterizedTest
    @ValueSource(strings = {"name", "email", "city", "postalCode"})
    @DisplayName("issue 7.5: billing fields longer than their columns are a 400")
    void billingLengthsAreChecked(String field) {
        String billing = """
                {"name":"Tailspin","email":"pay@tailspin.example","phone":"+1 425 555 0100","countryCode":"US",
                 "addressLine1":"1 Main St","city":"Seattle","postalCode":"98052",
                 "paymentCard":{"number":"4111 1111 1111 1111","expiryMonth":12,"expiryYear":2040,"cvc":"123"}}""";
        String tooLong = field.equals("email")
                ? "a@" + "e".repeat(320) + ".example"
                : "x".repeat(field.equals("postalCode") ? 33 : 129);
        billing = billing.replaceFirst("\"" + field + "\":\"[^\"]*\"", "\"" + field + "\":\"" + tooLong + "\"");

        HttpResponse<String> response = send(
                "POST",
                "/api/subscriptions/cloud",
                armToken,
                "application/json",
                "{\"offerId\":\"MS-AZR-0003P\",\"billingProfile\":" + billing + "}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains(field);
    }

    @Test
    @DisplayName("issue 7 (low): a 400 for an unknown or mistyped field names the field, never a Java class")
    void badFieldMessagesNameNoClass() throws Exception {
        for (String body : List.of(
                "{\"foo\":1}",
                "{\"admin\":{\"bar\":1}}",
                "{\"seats\":\"many\"}",
                "{\"organization\":{}}",
                "{\"seats\":1e999}",
                "[1]",
                "{")) {
            HttpResponse<String> response = server.postJson("/api/signups", body);

            assertThat(response.statusCode()).as(body).isEqualTo(400);
            String detail = JSON.readTree(response.body()).get("detail").asText();
            assertThat(detail).as(body).doesNotContain("dev.tenantry", "class", "java.", "`");
        }
        assertThat(JSON.readTree(server.postJson("/api/signups", "{\"foo\":1}").body())
                        .get("detail")
                        .asText())
                .contains("'foo'");
    }

    @ParameterizedTest
    @MethodSource("coercedScalars")
    @DisplayName("issue 12: a scalar of the wrong JSON type is a 400 naming the field, never coerced (42 as \"42\")")
    void scalarsAreNotCoerced(List<String> request) throws Exception {
        String token = request.get(2).equals("arm") ? armToken : request.get(2).equals("graph") ? graphToken : null;
        HttpRequest.Builder builder = server.request(request.get(1))
                .header("Content-Type", "application/json")
                .method(request.get(0), HttpRequest.BodyPublishers.ofString(request.get(3)));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }

        HttpResponse<String> response = server.send(builder.build());

        assertThat(response.statusCode()).as(request.toString()).isEqualTo(400);
        assertThat(response.body()).as(request.toString()).contains("'" + request.get(4) + "'");
    }

    static Stream<List<String>> coercedScalars() {
        String rg = "/subscriptions/" + subscriptionId + "/resourcegroups/strict" + ARM;
        return Stream.of(
                List.of(
                        "POST",
                        "/v1.0/groups",
                        "graph",
                        "{\"displayName\":42,\"mailEnabled\":false,"
                                + "\"mailNickname\":\"n42\",\"securityEnabled\":true}",
                        "displayName"),
                List.of(
                        "POST",
                        "/v1.0/groups",
                        "graph",
                        "{\"displayName\":\"x\",\"mailEnabled\":\"false\","
                                + "\"mailNickname\":\"n43\",\"securityEnabled\":true}",
                        "mailEnabled"),
                List.of(
                        "POST",
                        "/v1.0/groups",
                        "graph",
                        "{\"displayName\":\"x\",\"mailEnabled\":0,"
                                + "\"mailNickname\":\"n44\",\"securityEnabled\":true}",
                        "mailEnabled"),
                List.of("POST", "/v1.0/applications", "graph", "{\"displayName\":true}", "displayName"),
                List.of("PATCH", "/v1.0/groups/" + groupId, "graph", "{\"description\":1.5}", "description"),
                List.of("PUT", rg, "arm", "{\"location\":7}", "location"),
                List.of("PUT", rg, "arm", "{\"location\":\"westeurope\",\"tags\":{\"env\":1}}", "tags.env"),
                List.of("POST", "/api/signups", "", "{\"organization\":42}", "organization"),
                List.of("POST", "/api/signups", "", "{\"seats\":\"5\"}", "seats"),
                List.of("POST", "/api/signups", "", "{\"seats\":5.5}", "seats"));
    }

    @Test
    @DisplayName("issue 7 (low): Graph answers, errors included, carry Cache-Control: no-store")
    void graphAnswersAreNotCached() {
        assertThat(server.get("/v1.0/users", graphToken).headers().firstValue("Cache-Control"))
                .hasValue("no-store");
        assertThat(server.get("/v1.0/users/nobody@tailspin.onmicrosoft.test", graphToken)
                        .headers()
                        .firstValue("Cache-Control"))
                .hasValue("no-store");
        assertThat(server.get("/v1.0/users").headers().firstValue("Cache-Control"))
                .hasValue("no-store");
    }

    @ParameterizedTest
    @ValueSource(strings = {"//../x", "//..", "///../../x", "//a/../../x"})
    @DisplayName("issue 7.5: a path that climbs above the root once its slashes collapse is a 400, not Jetty's 500")
    void pathClimbingAboveTheRootIsRefused(String path) throws Exception {
        assertThat(statusLine("GET", path)).startsWith("HTTP/1.1 400");
    }

    /** The status line of a request sent as is over its own TLS connection (Jetty closes it on a bad message). */
    private static String statusLine(String method, String path) throws Exception {
        try (SSLSocket socket = (SSLSocket) Tls.trusting(server.app().certificate())
                .getSocketFactory()
                .createSocket("localhost", server.app().port())) {
            socket.getOutputStream()
                    .write((method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + graphToken
                                    + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\n"
                                    + "Connection: close\r\n\r\n{}")
                            .getBytes(StandardCharsets.US_ASCII));
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1))
                    .readLine();
        }
    }

    /** Issue 9's Graph group and licence routes that read a JSON body, with their valid body (method, path, body). */
    private static List<List<String>> groupBodyRoutes() {
        String group = "/v1.0/groups/" + groupId;
        String admin = "/v1.0/users/admin@tailspin.onmicrosoft.test";
        String ref = "{\"@odata.id\":\"https://graph.microsoft.com/v1.0/directoryObjects/" + groupId + "\"}";
        String licences = "{\"addLicenses\":[],\"removeLicenses\":[]}";
        return List.of(
                List.of("POST", "/v1.0/groups", NEW_GROUP),
                List.of("PATCH", group, "{\"displayName\":\"Renamed\"}"),
                List.of("POST", group + "/members/$ref", ref),
                List.of("POST", group + "/owners/$ref", ref),
                List.of("POST", group + "/assignLicense", licences),
                List.of("POST", admin + "/assignLicense", licences),
                List.of("PATCH", admin, "{\"usageLocation\":\"NL\"}"),
                List.of("POST", admin + "/checkMemberGroups", "{\"groupIds\":[]}"),
                List.of("POST", group + "/checkMemberGroups", "{\"groupIds\":[]}"),
                List.of("POST", admin + "/getMemberGroups", "{\"securityEnabledOnly\":true}"),
                List.of(
                        "POST",
                        "/v1.0/directoryObjects/" + groupId + "/getMemberObjects",
                        "{\"securityEnabledOnly\":true}"),
                List.of("POST", "/v1.0/me/getMemberObjects", "{\"securityEnabledOnly\":false}"));
    }

    private static final String NEW_GROUP =
            "{\"displayName\":\"Fuzz\",\"mailEnabled\":false,\"mailNickname\":\"fuzz\",\"securityEnabled\":true}";

    /** Object references that name nothing this directory can hold (each a JSON value for {@code @odata.id}). */
    private static List<String> badReferences() {
        String objects = "https://graph.microsoft.com/v1.0/directoryObjects/";
        return List.of(
                "42",
                "{}",
                "[]",
                "true",
                "\"\"",
                "\" \"",
                "\"/\"",
                "\"not a url\"",
                "\"" + objects + "\"",
                "\"" + objects + "not-a-guid\"",
                "\"" + objects + "('')\"",
                "\"" + objects + "(')\"",
                "\"" + objects + "%00\"",
                "\"" + objects + "\\u0000\"",
                "\"" + objects + "x".repeat(100_000) + "\"",
                "\"" + objects + "11111111-2222-3333-4444-555555555555\"");
    }

    /** The sweep: malformed JSON, wrong types, arrays for objects and objects for arrays, huge strings, bad ids. */
    static Stream<List<String>> malformedGroupBodies() {
        String huge = "\"" + "x".repeat(100_000) + "\"";
        String group = "/v1.0/groups/" + groupId;
        String admin = "/v1.0/users/admin@tailspin.onmicrosoft.test";
        Stream<List<String>> malformed = groupBodyRoutes().stream().flatMap(route -> Stream.of(
                        "",
                        "{",
                        "{\"a\":}",
                        "{'displayName':'x'}",
                        route.get(2) + "x",
                        route.get(2).replaceFirst("^\\{", "["),
                        "{\"a\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}")
                .map(body -> List.of(route.get(0), route.get(1), body)));
        Stream<List<String>> newGroups = Stream.concat(
                        Stream.of(
                                "\"displayName\":{}",
                                "\"displayName\":[\"x\"]",
                                "\"displayName\":null",
                                "\"displayName\":\"\"",
                                "\"displayName\":" + huge,
                                "\"mailNickname\":null",
                                "\"mailNickname\":" + huge,
                                "\"mailNickname\":\"has space\"",
                                "\"mailEnabled\":\"yes\"",
                                "\"mailEnabled\":[]",
                                "\"securityEnabled\":{}",
                                "\"securityEnabled\":null",
                                "\"description\":" + huge,
                                "\"description\":[]",
                                "\"visibility\":42",
                                "\"visibility\":\"Sideways\"",
                                "\"groupTypes\":\"Unified\"",
                                "\"groupTypes\":{}",
                                "\"groupTypes\":[null]",
                                "\"groupTypes\":[{}]",
                                "\"groupTypes\":[42]",
                                "\"groupTypes\":[\"Sideways\"]",
                                "\"members@odata.bind\":\"https://graph.microsoft.com/v1.0/users/x\"",
                                "\"members@odata.bind\":{}",
                                "\"members@odata.bind\":[null]",
                                "\"owners@odata.bind\":[{}]",
                                "\"owners@odata.bind\":42"),
                        badReferences().stream()
                                .flatMap(ref -> Stream.of(
                                        "\"members@odata.bind\":[" + ref + "]", "\"owners@odata.bind\":[" + ref + "]")))
                .map(field -> List.of("POST", "/v1.0/groups", withField(NEW_GROUP, field)));
        Stream<List<String>> updates = Stream.concat(
                        Stream.of(
                                "\"displayName\":[]",
                                "\"displayName\":\"\"",
                                "\"displayName\":" + huge,
                                "\"mailNickname\":" + huge,
                                "\"mailNickname\":{}",
                                "\"description\":" + huge,
                                "\"visibility\":[]",
                                "\"members@odata.bind\":\"x\"",
                                "\"members@odata.bind\":[null]"),
                        badReferences().stream().map(ref -> "\"members@odata.bind\":[" + ref + "]"))
                .map(field -> List.of("PATCH", group, "{" + field + "}"));
        Stream<List<String>> references = Stream.of("/members/$ref", "/owners/$ref")
                .flatMap(path -> Stream.concat(
                                Stream.concat(badReferences().stream(), Stream.of("null"))
                                        .map(ref -> "{\"@odata.id\":" + ref + "}"),
                                Stream.of(
                                        "{}",
                                        "{\"@odata.id\":\"https://graph.microsoft.com/v1.0/directoryObjects/" + groupId
                                                + "\"}"))
                        .map(body -> List.of("POST", group + path, body)));
        Stream<List<String>> licences = Stream.of(group, admin).flatMap(target -> Stream.of(
                        "{}",
                        "{\"addLicenses\":[]}",
                        "{\"removeLicenses\":[]}",
                        "{\"addLicenses\":null,\"removeLicenses\":[]}",
                        "{\"addLicenses\":[],\"removeLicenses\":\"x\"}",
                        "{\"addLicenses\":[],\"removeLicenses\":{}}",
                        "{\"addLicenses\":[[]],\"removeLicenses\":[]}",
                        "{\"addLicenses\":[{\"skuId\":" + huge + "}],\"removeLicenses\":[]}",
                        "{\"addLicenses\":[{\"skuId\":{}}],\"removeLicenses\":[]}",
                        "{\"addLicenses\":[{\"skuId\":\"11111111-2222-3333-4444-555555555555\"}],"
                                + "\"removeLicenses\":[]}",
                        "{\"addLicenses\":[{\"skuId\":\"6fd2c87f-b296-42f0-b197-1e91e994b900\","
                                + "\"disabledPlans\":{}}],\"removeLicenses\":[]}",
                        "{\"addLicenses\":[],\"removeLicenses\":[42]}",
                        "{\"addLicenses\":[],\"removeLicenses\":[" + huge + "]}")
                .map(body -> List.of("POST", target + "/assignLicense", body)));
        Stream<List<String>> usageLocations = Stream.of("42", "[]", "{}", "\"NLD\"", "\"Z\"", huge)
                .map(value -> List.of("PATCH", admin, "{\"usageLocation\":" + value + "}"));
        Stream<List<String>> checks = Stream.of(admin, group, "/v1.0/me")
                .flatMap(target -> Stream.concat(
                        Stream.of(
                                        "{}",
                                        "{\"groupIds\":null}",
                                        "{\"groupIds\":\"x\"}",
                                        "{\"groupIds\":{}}",
                                        "{\"groupIds\":[null]}",
                                        "{\"groupIds\":[42]}",
                                        "{\"groupIds\":[[]]}",
                                        "{\"groupIds\":[\"not-a-guid\"]}",
                                        "{\"groupIds\":[" + huge + "]}")
                                .map(body -> List.of("POST", target + "/checkMemberGroups", body)),
                        Stream.of(
                                        "{}",
                                        "{\"securityEnabledOnly\":null}",
                                        "{\"securityEnabledOnly\":\"yes\"}",
                                        "{\"securityEnabledOnly\":[]}",
                                        "{\"securityEnabledOnly\":{}}")
                                .flatMap(body -> Stream.of("/getMemberGroups", "/getMemberObjects")
                                        .map(action -> List.of("POST", target + action, body)))));
        return Stream.of(malformed, newGroups, updates, references, licences, usageLocations, checks)
                .flatMap(cases -> cases);
    }

    @ParameterizedTest
    @MethodSource("malformedGroupBodies")
    @DisplayName("issue 9: a malformed body on a Graph group, membership or licence route is a 4xx Graph error")
    void malformedGroupBodiesAreGraphErrors(List<String> request) {
        HttpResponse<String> response =
                send(request.get(0), request.get(1), graphToken, "application/json", request.get(2));

        assertGraphError(request.get(0) + " " + request.get(1) + " " + abbreviated(request.get(2)), response);
    }

    @Test
    @DisplayName("issue 9: what the sweep found (were 500s or ignored) is now a 400 that names what to fix")
    void sweepFindingsSayWhatToFix() throws Exception {
        String group = "/v1.0/groups/" + groupId;
        String keyTooShort = "{\"@odata.id\":\"https://graph.microsoft.com/v1.0/directoryObjects/(')\"}";

        HttpResponse<String> nullType =
                server.postJson("/v1.0/groups", withField(NEW_GROUP, "\"groupTypes\":[null]"), graphToken);
        HttpResponse<String> shortKey = server.postJson(group + "/members/$ref", keyTooShort, graphToken);
        HttpResponse<String> trailing = server.postJson(group + "/members/$ref", "{}{}", graphToken);
        HttpResponse<String> garbage = server.postJson(group + "/checkMemberGroups", "{\"groupIds\":[]}x", graphToken);
        HttpResponse<String> skus = server.get("/v1.0/subscribedSkus?$top=1", graphToken);

        assertThat(message(nullType, 400)).contains("groupTypes", "null");
        assertThat(message(shortKey, 400)).contains("(')");
        assertThat(message(trailing, 400)).contains("more after its JSON object");
        assertThat(message(garbage, 400)).contains("not valid JSON");
        assertThat(message(skus, 400)).contains("$top");
    }

    private static String message(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body()).at("/error/message").asText();
    }

    /** Bad ids in paths and bad query options on the group, membership and licence reads (method, path, consistency). */
    static Stream<List<String>> badGroupReads() {
        String group = "/v1.0/groups/" + groupId;
        String missing = "11111111-2222-3333-4444-555555555555";
        String long_ = "x".repeat(4_000);
        List<String> ids = List.of("not-a-guid", missing, long_, "%20", "(')");
        Stream<List<String>> byId = ids.stream()
                .flatMap(id -> Stream.of(
                        List.of("GET", "/v1.0/groups/" + id, ""),
                        List.of("PATCH", "/v1.0/groups/" + id, ""),
                        List.of("DELETE", "/v1.0/groups/" + id, ""),
                        List.of("GET", "/v1.0/groups/" + id + "/members", ""),
                        List.of("GET", "/v1.0/groups/" + id + "/transitiveMembers", ""),
                        List.of("GET", "/v1.0/groups/" + id + "/owners", ""),
                        List.of("GET", "/v1.0/groups/" + id + "/memberOf", ""),
                        List.of("GET", "/v1.0/groups/" + id + "/membersWithLicenseErrors", ""),
                        List.of("POST", "/v1.0/groups/" + id + "/reprocessLicenseAssignment", ""),
                        List.of("POST", "/v1.0/groups/" + id + "/assignLicense", ""),
                        List.of("POST", "/v1.0/groups/" + id + "/members/$ref", ""),
                        List.of("DELETE", group + "/members/" + id + "/$ref", ""),
                        List.of("DELETE", group + "/owners/" + id + "/$ref", ""),
                        List.of("GET", "/v1.0/users/" + id + "/memberOf", ""),
                        List.of("GET", "/v1.0/users/" + id + "/transitiveMemberOf", ""),
                        List.of("GET", "/v1.0/users/" + id + "/licenseDetails", ""),
                        List.of("POST", "/v1.0/users/" + id + "/assignLicense", ""),
                        List.of("POST", "/v1.0/users/" + id + "/reprocessLicenseAssignment", ""),
                        List.of("POST", "/v1.0/directoryObjects/" + id + "/checkMemberGroups", "")));
        Stream<List<String>> queries = Stream.of(
                        "$filter=" + enc("garbage"),
                        "$filter=" + enc("displayName eq 42"),
                        "$filter=" + enc("startswith(displayName)"),
                        "$filter=" + enc("groupTypes/any(c:c eq 42)"),
                        "$filter=" + enc("securityEnabled eq 'yes'"),
                        "$filter=" + enc("displayName eq '" + "x".repeat(2_000) + "'") + "&$top=abc",
                        "$top=-1",
                        "$top=abc",
                        "$top=99999999999999",
                        "$skiptoken=garbage",
                        "$skiptoken=" + "A".repeat(3_000),
                        "$orderby=createdDateTime",
                        "$orderby=" + enc("displayName desc, id"),
                        "$expand=owners",
                        "$expand=" + enc("members($select=id)"),
                        "$select=nope",
                        "$count=maybe",
                        "$count=true",
                        "$search=" + enc("\"displayName:x\""),
                        "$search=unquoted",
                        "$unknown=1")
                .map(query -> List.of("GET", "/v1.0/groups?" + query, ""));
        Stream<List<String>> eventual = Stream.of(
                        "/v1.0/groups?$search=unquoted",
                        "/v1.0/groups?$search=" + enc("\"mail:x\""),
                        "/v1.0/groups?$count=maybe",
                        "/v1.0/groups/$count?$filter=garbage",
                        "/v1.0/groups/$count?$top=1")
                .map(path -> List.of("GET", path, "eventual"));
        Stream<List<String>> others = Stream.of(
                List.of("GET", "/v1.0/groups/$count", ""),
                List.of("GET", group + "?$expand=owners", ""),
                List.of("GET", group + "/members/graph.nope", ""),
                List.of("GET", group + "/members/$count", ""),
                List.of("GET", group + "/transitiveMembers/graph", ""),
                List.of("GET", "/v1.0/me/memberOf/microsoft.graph.", ""),
                List.of("GET", "/v1.0/users/admin@tailspin.onmicrosoft.test/transitiveMemberOf/user", ""),
                List.of("DELETE", group + "/members/$ref", ""),
                List.of("DELETE", group + "/members/$ref?@id=", ""),
                List.of(
                        "DELETE",
                        group + "/members/$ref?@id=" + enc("https://graph.microsoft.com/v1.0/directoryObjects/x"),
                        ""),
                List.of("DELETE", group + "/owners/$ref?$id=" + enc("(')"), ""),
                List.of("DELETE", group + "/members/$ref?@id=" + "x".repeat(3_000), ""),
                List.of("DELETE", group + "/members/$ref?@id=" + missing, ""),
                List.of("GET", group + "?$select=nope", ""),
                List.of("GET", group + "/members?$top=abc", ""),
                List.of("GET", group + "/transitiveMembers?$filter=garbage", ""),
                List.of("GET", "/v1.0/users/admin@tailspin.onmicrosoft.test/memberOf?$top=abc", ""),
                List.of("GET", "/v1.0/users/admin@tailspin.onmicrosoft.test/licenseDetails?$filter=garbage", ""),
                List.of("GET", "/v1.0/users?$select=" + enc("assignedLicenses,nope"), ""),
                List.of("GET", "/v1.0/subscribedSkus?$top=abc", ""),
                List.of("GET", "/v1.0/subscribedSkus?$filter=garbage", ""),
                List.of("GET", "/v1.0/subscribedSkus/" + missing, ""));
        return Stream.of(byId, queries, eventual, others).flatMap(cases -> cases);
    }

    @ParameterizedTest
    @MethodSource("badGroupReads")
    @DisplayName("issue 9: a bad id or query option on a Graph group, membership or licence route is a 4xx Graph error")
    void badGroupIdsAndQueriesAreGraphErrors(List<String> request) {
        HttpRequest.Builder builder = server.request(request.get(1))
                .header("Authorization", "Bearer " + graphToken)
                .header("Content-Type", "application/json")
                .method(
                        request.get(0),
                        HttpRequest.BodyPublishers.ofString(request.get(0).equals("GET") ? "" : "{}"));
        if (!request.get(2).isEmpty()) {
            builder.header("ConsistencyLevel", request.get(2));
        }
        HttpResponse<String> response = server.send(builder.build());

        assertGraphError(request.get(0) + " " + abbreviated(request.get(1)), response);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1.0/groups/%00", "/v1.0/groups/..%2F..", "/v1.0/users/%00/memberOf"})
    @DisplayName("issue 9: a NUL or an encoded slash in a Graph path is refused by Jetty with a 400 before any route")
    void unroutablePathsAreRefused(String path) throws Exception {
        for (String method : List.of("GET", "PATCH", "DELETE", "POST")) {
            assertThat(statusLine(method, path)).as(method + " " + path).startsWith("HTTP/1.1 400");
        }
    }

    /** A 4xx whose body is Graph's {@code {"error":{"code","message"}}}. */
    private static void assertGraphError(String what, HttpResponse<String> response) {
        assertThat(response.statusCode())
                .as(what + ": " + abbreviated(response.body()))
                .isBetween(400, 499);
        JsonNode error;
        try {
            error = JSON.readTree(response.body()).path("error");
        } catch (java.io.IOException e) {
            throw new AssertionError(what + ": not JSON: " + abbreviated(response.body()), e);
        }
        assertThat(error.path("code").asText())
                .as(what + ": " + abbreviated(response.body()))
                .isNotBlank();
        assertThat(error.path("message").asText())
                .as(what + ": " + abbreviated(response.body()))
                .isNotBlank();
    }

    private static String withField(String object, String field) {
        return object.substring(0, object.length() - 1) + "," + field + "}";
    }

    private static String abbreviated(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…(" + text.length() + " chars)";
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
