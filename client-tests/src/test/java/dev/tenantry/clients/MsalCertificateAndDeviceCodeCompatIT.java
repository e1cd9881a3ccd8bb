package dev.tenantry.clients;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.identity.ClientCertificateCredentialBuilder;
import com.azure.identity.DeviceCodeCredentialBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.DeviceCode;
import com.microsoft.aad.msal4j.DeviceCodeFlowParameters;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.PublicClientApplication;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 with unmodified MSAL4J: a confidential client proving itself with a certificate
 * ({@code ClientCredentialFactory.createFromCertificate}), and the device code flow approved on the verification page
 * by a person's browser (plain HTTPS with cookies, as a browser posts the forms).
 */
class MsalCertificateAndDeviceCodeCompatIT {

    private static final Set<String> GRAPH = Set.of(Clients.GRAPH);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CSRF = Pattern.compile("name=\"csrf_token\" value=\"([^\"]+)\"");

    private static TenantryProcess server;
    private static ServerApi api;
    private static TestDirectory directory;
    private static Optional<AppRegistration> app;
    private static Path certificateStore;

    @BeforeAll
    static void signUp() {
        server = TenantryProcess.get();
        api = new ServerApi(server);
        directory = TestDirectory.signUp(api, "msal-cert");
        app = AppRegistration.tryCreate(api, directory, "compat-msal-cert-daemon");
    }

    @Test
    @DisplayName("issue 11: MSAL4J ConfidentialClientApplication with a certificate gets an app-only token")
    void certificateCredentialGetsAnAppToken() throws Exception {
        Path store = registeredCertificate();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, "changeit".toCharArray());
        }
        PrivateKey privateKey = (PrivateKey) keys.getKey("daemon", "changeit".toCharArray());
        X509Certificate certificate = (X509Certificate) keys.getCertificate("daemon");
        ConfidentialClientApplication cca = ConfidentialClientApplication.builder(
                        app.get().appId(), ClientCredentialFactory.createFromCertificate(privateKey, certificate))
                .authority(server.baseUrl() + "/" + directory.tenantId() + "/")
                .instanceDiscovery(false)
                .build();
        IAuthenticationResult result = cca.acquireToken(
                        ClientCredentialParameters.builder(GRAPH).build())
                .join();

        assertThat(result.accessToken()).isNotBlank();
        String payload =
                new String(Base64.getUrlDecoder().decode(result.accessToken().split("\\.")[1]), StandardCharsets.UTF_8);
        assertThat(JSON.readTree(payload).get("appid").asText())
                .isEqualTo(app.get().appId());
    }

    /** A key pair and certificate made by keytool (PKCS12), registered on the app through Graph once. */
    private static synchronized Path registeredCertificate() throws Exception {
        Assumptions.assumeTrue(app.isPresent(), "skipped: " + AppRegistration.UNAVAILABLE);
        if (certificateStore != null) {
            return certificateStore;
        }
        Path store = Files.createTempDirectory("daemon-cert").resolve("daemon.p12");
        Process keytool = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-alias",
                        "daemon",
                        "-keyalg",
                        "RSA",
                        "-keysize",
                        "2048",
                        "-dname",
                        "CN=compat-daemon",
                        "-validity",
                        "30",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        store.toString(),
                        "-storepass",
                        "changeit",
                        "-keypass",
                        "changeit")
                .inheritIO()
                .start();
        assertThat(keytool.waitFor()).isZero();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, "changeit".toCharArray());
        }
        X509Certificate certificate = (X509Certificate) keys.getCertificate("daemon");
        String admin =
                api.passwordToken(directory.tenantId(), directory.adminUpn(), TestDirectory.PASSWORD, Clients.GRAPH);
        String objectId = api.get(
                        "/v1.0/applications?$filter=appId%20eq%20%27"
                                + app.get().appId() + "%27",
                        admin)
                .requireStatus(200)
                .body()
                .at("/value/0/id")
                .asText();
        api.patchJson(
                        "/v1.0/applications/" + objectId,
                        "{\"keyCredentials\":[{\"type\":\"AsymmetricX509Cert\",\"usage\":\"Verify\",\"key\":\""
                                + Base64.getEncoder().encodeToString(certificate.getEncoded()) + "\"}]}",
                        admin)
                .requireStatus(204);

        certificateStore = store;
        return store;
    }

    @Test
    @DisplayName("issue 11: azure-identity ClientCertificateCredential (a PFX file) gets an app-only token")
    void azureIdentityCertificateCredential() throws Exception {
        Path store = registeredCertificate();
        TokenCredential credential = new ClientCertificateCredentialBuilder()
                .authorityHost(server.baseUrl())
                .tenantId(directory.tenantId())
                .clientId(app.get().appId())
                .pfxCertificate(store.toString())
                .clientCertificatePassword("changeit")
                .disableInstanceDiscovery()
                .build();

        AccessToken token = credential.getTokenSync(new TokenRequestContext().addScopes(Clients.GRAPH));

        assertThat(token.getToken()).isNotBlank();
    }

    @Test
    @DisplayName("issue 11: MSAL4J device code flow, approved on /devicelogin, signs the user in")
    void deviceCodeFlowApprovedOnThePage() throws Exception {
        PublicClientApplication pca = PublicClientApplication.builder(Clients.AZURE_CLI)
                .authority(server.baseUrl() + "/" + directory.tenantId() + "/")
                .instanceDiscovery(false)
                .build();
        CompletableFuture<Void> approval = new CompletableFuture<>();
        // the person approves on a thread of their own: MSAL polls on the common pool, which may have one thread
        ExecutorService person = Executors.newSingleThreadExecutor();

        CompletableFuture<IAuthenticationResult> token =
                pca.acquireToken(DeviceCodeFlowParameters.builder(GRAPH, (DeviceCode code) -> {
                            assertThat(code.message()).contains(code.userCode());
                            CompletableFuture.runAsync(() -> approve(code.userCode()), person)
                                    .whenComplete((ignored, error) -> {
                                        if (error != null) {
                                            approval.completeExceptionally(error);
                                        } else {
                                            approval.complete(null);
                                        }
                                    });
                        })
                        .build());
        // a failed approval ends the test at once instead of letting MSAL poll until the code expires
        CompletableFuture.anyOf(token, approval.thenCompose(done -> token)).get(120, TimeUnit.SECONDS);
        IAuthenticationResult result = token.join();
        person.shutdown();
        assertThat(result.accessToken()).isNotBlank();
        assertThat(result.account()).isNotNull();
        assertThat(result.account().username()).isEqualTo(directory.adminUpn());
    }

    @Test
    @DisplayName("issue 11: azure-identity DeviceCodeCredential, approved on /devicelogin, gets the user's token")
    void azureIdentityDeviceCodeCredential() throws Exception {
        ExecutorService person = Executors.newFixedThreadPool(2);
        CompletableFuture<Void> approval = new CompletableFuture<>();
        TokenCredential credential = new DeviceCodeCredentialBuilder()
                .authorityHost(server.baseUrl())
                .tenantId(directory.tenantId())
                .clientId(Clients.AZURE_CLI)
                .disableInstanceDiscovery()
                .challengeConsumer(info -> CompletableFuture.runAsync(() -> approve(info.getUserCode()), person)
                        .whenComplete((ignored, error) -> {
                            if (error != null) {
                                approval.completeExceptionally(error);
                            } else {
                                approval.complete(null);
                            }
                        }))
                .build();

        CompletableFuture<AccessToken> token = CompletableFuture.supplyAsync(
                () -> credential.getTokenSync(new TokenRequestContext().addScopes(Clients.GRAPH)), person);
        CompletableFuture.anyOf(token, approval.thenCompose(done -> token)).get(120, TimeUnit.SECONDS);

        assertThat(token.join().getToken()).isNotBlank();
        person.shutdown();
    }

    /** What a person does in the browser: sign in, enter the code, press Continue. */
    private static void approve(String userCode) {
        Browser browser = new Browser();
        String signIn = browser.get("/signin?returnUrl=%2Fdevicelogin").body();
        HttpResponse<String> signedIn = browser.post(
                "/signin",
                Map.of(
                        "csrf_token",
                        csrf(signIn),
                        "username",
                        directory.adminUpn(),
                        "password",
                        TestDirectory.PASSWORD,
                        "returnUrl",
                        "/devicelogin"));
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(303);
        String enter = browser.get("/devicelogin").body();
        HttpResponse<String> confirm = browser.post("/devicelogin", Map.of("csrf_token", csrf(enter), "otc", userCode));
        assertThat(confirm.statusCode()).as(confirm.body()).isEqualTo(200);
        assertThat(confirm.body()).contains("Microsoft Azure CLI");
        HttpResponse<String> done = browser.post(
                "/devicelogin/decide",
                Map.of("csrf_token", csrf(confirm.body()), "otc", userCode, "decision", "approve"));
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
    }

    private static String csrf(String html) {
        Matcher matcher = CSRF.matcher(html);
        assertThat(matcher.find()).as("a csrf_token in the page").isTrue();
        return matcher.group(1);
    }

    /** HTTPS with a cookie jar, trusting the server, following no redirects: the forms a browser would post. */
    private static final class Browser {

        private final HttpClient http = HttpClient.newBuilder()
                .sslContext(ServerTrust.context())
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        private final Map<String, String> cookies = new LinkedHashMap<>();

        HttpResponse<String> get(String path) {
            return send(
                    HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).GET());
        }

        HttpResponse<String> post(String path, Map<String, String> fields) {
            String form = fields.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
        }

        /** Sends the cookies it holds and keeps those the server sets, as a browser's jar does for one origin. */
        private HttpResponse<String> send(HttpRequest.Builder request) {
            if (!cookies.isEmpty()) {
                request.header(
                        "Cookie",
                        cookies.entrySet().stream()
                                .map(e -> e.getKey() + "=" + e.getValue())
                                .collect(Collectors.joining("; ")));
            }
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                for (String header : response.headers().allValues("Set-Cookie")) {
                    String pair = header.split(";", 2)[0];
                    int equals = pair.indexOf('=');
                    cookies.put(
                            pair.substring(0, equals).strip(),
                            pair.substring(equals + 1).strip());
                }
                return response;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
