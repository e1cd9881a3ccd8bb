package dev.tenantry.identity.grants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tenantry.directory.CreatedDirectory;
import dev.tenantry.directory.NewUser;
import dev.tenantry.directory.apps.Application;
import dev.tenantry.directory.apps.ApplicationKeyService;
import dev.tenantry.directory.apps.KeyCredential;
import dev.tenantry.directory.apps.NewKeyCredential;
import dev.tenantry.identity.KeyPossessionProofs;
import dev.tenantry.identity.TokenRequest;
import dev.tenantry.identity.TokenResponse;
import dev.tenantry.identity.TokenService;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.DomainException;
import dev.tenantry.testing.TestCertificate;
import dev.tenantry.testing.TestClock;
import dev.tenantry.testing.TestWorld;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("issue 11: applications prove themselves with a certificate's client assertion")
class ClientCertificateTest {

    static final String BASE = "https://login.example";
    static final String GRAPH_DEFAULT = "https://graph.microsoft.com/.default";

    final TestClock clock = TestClock.atTen();
    final TestWorld world = TestWorld.create(clock);
    final TokenService tokens = world.services().tokens();
    final ApplicationKeyService keys = world.services().keyCredentials();
    final CreatedDirectory contoso = world.tenantService()
            .createDirectory("Contoso", "US", "contoso", NewUser.of("Kelley Wall", "admin", "Passw0rd!x"));
    final Caller admin = new Caller.User(contoso.tenant().id(), contoso.admin().id());
    final TestCertificate certificate = TestCertificate.validAround(clock.instant());
    final Application app = daemon();
    final String clientId = app.appId().toString();
    final String tokenEndpoint = BASE + "/" + contoso.tenant().id() + "/oauth2/v2.0/token";

    private Application daemon() {
        Application created = world.services().applications().createApplication(admin, tenantId(), "Daemon");
        world.services().applications().createServicePrincipal(admin, tenantId(), created.appId());
        keys.replaceKeyCredentials(admin, tenantId(), created.id(), List.of(newKey(certificate)));
        return created;
    }

    private dev.tenantry.shared.TenantId tenantId() {
        return contoso.tenant().id();
    }

    static NewKeyCredential newKey(TestCertificate cert) {
        return new NewKeyCredential(null, cert.base64Der(), "daemon cert", "AsymmetricX509Cert", "Verify");
    }

    TokenResponse clientCredentials(String tenantSegment, String assertion) {
        return tokens.token(
                new TokenRequest(
                        tenantSegment,
                        "client_credentials",
                        new TokenRequest.Client(clientId, null, ClientAssertions.JWT_BEARER, assertion),
                        GRAPH_DEFAULT,
                        false,
                        TokenRequest.Parameters.NONE),
                BASE);
    }

    TokenResponse clientCredentials(String assertion) {
        return clientCredentials(contoso.tenant().id().toString(), assertion);
    }

    static void refusedWith(String code, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code())
                .isEqualTo(code));
    }

    @Test
    @DisplayName("issue 11: an assertion naming the certificate by x5t, RS256, gets an app-only token")
    void certificateAssertionGetsAnAppToken() throws Exception {
        TokenResponse response = clientCredentials(certificate.assertion(clientId, tokenEndpoint, clock.instant()));

        JWTClaimsSet claims = SignedJWT.parse(response.accessToken()).getJWTClaimsSet();
        assertThat(claims.getStringClaim("appid")).isEqualTo(clientId);
        assertThat(claims.getStringClaim("idtyp")).isEqualTo("app");
    }

    @Test
    @DisplayName("issue 11: x5t#S256 with PS256, and the v1 token URL or the domain as audience, are accepted")
    void sha256ThumbprintPs256AndOtherAudienceForms() {
        JWSHeader ps256 = TestCertificate.header(JWSAlgorithm.PS256, "x5t#S256", certificate.x5tS256());
        String v1 = BASE + "/" + contoso.tenant().id() + "/oauth2/token";
        assertThat(clientCredentials(
                                certificate.sign(ps256, TestCertificate.claims(clientId, v1, clock.instant(), "jti-1")))
                        .accessToken())
                .isNotBlank();
        String byDomain = BASE + "/contoso.onmicrosoft.test/oauth2/v2.0/token";
        assertThat(clientCredentials(
                                "contoso.onmicrosoft.test", certificate.assertion(clientId, byDomain, clock.instant()))
                        .accessToken())
                .isNotBlank();
    }

    @Test
    @DisplayName("issue 11: an x5t in standard base64 with padding, as MSAL4J 1.26 sends it, names the certificate")
    void standardBase64Thumbprint() {
        String standard =
                java.util.Base64.getEncoder().encodeToString(certificate.x5t().decode());
        JWSHeader header =
                TestCertificate.header(JWSAlgorithm.RS256, "x5t", new com.nimbusds.jose.util.Base64URL(standard));

        assertThat(clientCredentials(certificate.sign(
                                header, TestCertificate.claims(clientId, tokenEndpoint, clock.instant(), "std")))
                        .accessToken())
                .isNotBlank();
    }

    @Test
    @DisplayName("issue 11: Graph shows the certificate: SHA-1 thumbprint, AsymmetricX509Cert, Verify, its validity")
    void keyCredentialShowsTheCertificate() throws Exception {
        KeyCredential key = keys.keyCredentials(admin, tenantId(), app.id()).getFirst();

        String sha1 = java.util.HexFormat.of()
                .withUpperCase()
                .formatHex(java.security.MessageDigest.getInstance("SHA-1")
                        .digest(certificate.certificate().getEncoded()));
        assertThat(key.thumbprintSha1()).isEqualTo(sha1);
        assertThat(key.startDateTime())
                .isEqualTo(certificate.certificate().getNotBefore().toInstant());
        assertThat(key.endDateTime())
                .isEqualTo(certificate.certificate().getNotAfter().toInstant());
        assertThat(key.displayName()).isEqualTo("daemon cert");
    }

    @Test
    @DisplayName("issue 11: an x5t of a certificate the application does not have is refused (AADSTS700027)")
    void unknownThumbprintIsRefused() {
        TestCertificate other = TestCertificate.validAround(clock.instant());

        refusedWith(
                "client_assertion_signature",
                () -> clientCredentials(other.assertion(clientId, tokenEndpoint, clock.instant())));
    }

    @Test
    @DisplayName("issue 11: a signature by another key under the registered certificate's x5t is refused")
    void wrongSignatureIsRefused() {
        TestCertificate other = TestCertificate.validAround(clock.instant());
        String forged = other.sign(
                certificate.header(), TestCertificate.claims(clientId, tokenEndpoint, clock.instant(), "jti"));

        refusedWith("client_assertion_signature", () -> clientCredentials(forged));
    }

    @Test
    @DisplayName("issue 11: an expired assertion, or one not yet valid, is refused past five minutes of skew")
    void expiredAssertionIsRefused() {
        Instant now = clock.instant();
        String old = certificate.assertion(clientId, tokenEndpoint, now.minus(Duration.ofMinutes(16)));
        String future = certificate.sign(
                certificate.header(),
                new JWTClaimsSet.Builder(
                                TestCertificate.claims(clientId, tokenEndpoint, now.plus(Duration.ofMinutes(6)), "f"))
                        .build());
        String skewed = certificate.assertion(clientId, tokenEndpoint, now.minus(Duration.ofMinutes(13)));

        refusedWith("client_assertion_expired", () -> clientCredentials(old));
        refusedWith("client_assertion_expired", () -> clientCredentials(future));
        assertThat(clientCredentials(skewed).accessToken()).isNotBlank();
    }

    @Test
    @DisplayName("issue 11: an audience other than this tenant's token endpoint is refused (AADSTS700023)")
    void wrongAudienceIsRefused() {
        refusedWith(
                "client_assertion_audience",
                () -> clientCredentials(certificate.assertion(
                        clientId, "https://login.microsoftonline.com/common/oauth2/v2.0/token", clock.instant())));
        refusedWith(
                "client_assertion_audience",
                () -> clientCredentials(certificate.assertion(
                        clientId, BASE + "/" + UUID.randomUUID() + "/oauth2/v2.0/token", clock.instant())));
    }

    @Test
    @DisplayName("issue 11: iss or sub other than the client id is refused (AADSTS700021)")
    void issuerMustBeTheClient() {
        JWTClaimsSet claims = new JWTClaimsSet.Builder(
                        TestCertificate.claims(clientId, tokenEndpoint, clock.instant(), "x"))
                .subject(UUID.randomUUID().toString())
                .build();

        refusedWith(
                "client_assertion_client_mismatch",
                () -> clientCredentials(certificate.sign(certificate.header(), claims)));
    }

    @Test
    @DisplayName("issue 11: a replayed jti is refused, a new jti is not")
    void replayedJtiIsRefused() {
        String assertion = certificate.sign(
                certificate.header(), TestCertificate.claims(clientId, tokenEndpoint, clock.instant(), "once"));
        clientCredentials(assertion);

        refusedWith("client_assertion_replayed", () -> clientCredentials(assertion));
        assertThat(clientCredentials(certificate.assertion(clientId, tokenEndpoint, clock.instant()))
                        .accessToken())
                .isNotBlank();
    }

    @Test
    @DisplayName("issue 11: an assertion without jti, or not a JWT, or of another type is an invalid request")
    void malformedAssertionsAreInvalid() {
        JWTClaimsSet noJti = new JWTClaimsSet.Builder(
                        TestCertificate.claims(clientId, tokenEndpoint, clock.instant(), "x"))
                .jwtID(null)
                .build();
        refusedWith("invalid_client_assertion", () -> clientCredentials(certificate.sign(certificate.header(), noJti)));
        refusedWith("invalid_client_assertion", () -> clientCredentials("not-a-jwt"));
        refusedWith(
                "invalid_client_assertion",
                () -> tokens.token(
                        new TokenRequest(
                                contoso.tenant().id().toString(),
                                "client_credentials",
                                new TokenRequest.Client(
                                        clientId,
                                        null,
                                        "urn:ietf:params:oauth:client-assertion-type:saml2-bearer",
                                        certificate.assertion(clientId, tokenEndpoint, clock.instant())),
                                GRAPH_DEFAULT,
                                false,
                                TokenRequest.Parameters.NONE),
                        BASE));
    }

    @Test
    @DisplayName("issue 11: an expired certificate signs nothing")
    void expiredCertificateIsRefused() {
        TestCertificate expired = TestCertificate.create(
                clock.instant().minus(Duration.ofDays(30)), clock.instant().minusSeconds(60));
        keys.replaceKeyCredentials(admin, tenantId(), app.id(), List.of(newKey(expired)));

        refusedWith(
                "client_assertion_signature",
                () -> clientCredentials(expired.assertion(clientId, tokenEndpoint, clock.instant())));
    }

    @Test
    @DisplayName("issue 11: PATCH keyCredentials keeps the keys it names by keyId and drops the others")
    void patchReplacesTheCollection() {
        UUID kept = keys.keyCredentials(admin, tenantId(), app.id()).getFirst().keyId();
        TestCertificate second = TestCertificate.validAround(clock.instant());

        List<KeyCredential> after = keys.replaceKeyCredentials(
                admin,
                tenantId(),
                app.id(),
                List.of(new NewKeyCredential(kept, null, null, null, null), newKey(second)));
        assertThat(after).hasSize(2);
        keys.replaceKeyCredentials(admin, tenantId(), app.id(), List.of(newKey(second)));

        assertThat(keys.keyCredentials(admin, tenantId(), app.id()))
                .extracting(KeyCredential::keyId)
                .doesNotContain(kept);
        refusedWith(
                "client_assertion_signature",
                () -> clientCredentials(certificate.assertion(clientId, tokenEndpoint, clock.instant())));
    }

    @Test
    @DisplayName("issue 11: keyCredentials that are not an RSA certificate are refused with a 400")
    void notACertificateIsRefused() {
        refusedWith(
                "invalid_key_credential",
                () -> keys.replaceKeyCredentials(
                        admin,
                        tenantId(),
                        app.id(),
                        List.of(new NewKeyCredential(null, "bm90IGEgY2VydA==", null, null, null))));
        refusedWith(
                "invalid_key_credential",
                () -> keys.replaceKeyCredentials(
                        admin,
                        tenantId(),
                        app.id(),
                        List.of(new NewKeyCredential(null, certificate.base64Der(), null, "Symmetric", "Verify"))));
    }

    @Test
    @DisplayName("issue 11: addKey and removeKey need a proof signed by a current certificate")
    void addKeyNeedsAProof() {
        TestCertificate second = TestCertificate.validAround(clock.instant());
        refusedWith("invalid_key_proof", () -> keys.addKey(admin, tenantId(), app.id(), newKey(second), null));
        String badProof = second.sign(second.header(), proofClaims(app.id().toString()));
        refusedWith("invalid_key_proof", () -> keys.addKey(admin, tenantId(), app.id(), newKey(second), badProof));
        String wrongIssuer = certificate.sign(
                certificate.header(), proofClaims(UUID.randomUUID().toString()));
        refusedWith("invalid_key_proof", () -> keys.addKey(admin, tenantId(), app.id(), newKey(second), wrongIssuer));

        KeyCredential added = keys.addKey(
                admin,
                tenantId(),
                app.id(),
                newKey(second),
                certificate.sign(certificate.header(), proofClaims(app.id().toString())));
        assertThat(keys.keyCredentials(admin, tenantId(), app.id())).hasSize(2);

        keys.removeKey(
                admin,
                tenantId(),
                app.id(),
                added.keyId(),
                certificate.sign(certificate.header(), proofClaims(app.id().toString())));
        assertThat(keys.keyCredentials(admin, tenantId(), app.id())).hasSize(1);
    }

    @Test
    @DisplayName("issue 11 (R14): another directory's administrator cannot read or change the certificates")
    void r14OtherDirectoryCannotTouchTheKeys() {
        CreatedDirectory fabrikam = world.tenantService()
                .createDirectory("Fabrikam", "US", "fabrikam", NewUser.of("Megan Bowen", "admin", "Passw0rd!x"));
        Caller other = new Caller.User(fabrikam.tenant().id(), fabrikam.admin().id());

        assertThatThrownBy(() -> keys.keyCredentials(other, tenantId(), app.id()))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> keys.replaceKeyCredentials(other, tenantId(), app.id(), List.of()))
                .isInstanceOf(DomainException.class);
        assertThat(keys.keyCredentials(admin, tenantId(), app.id())).hasSize(1);
    }

    JWTClaimsSet proofClaims(String issuer) {
        Instant now = clock.instant();
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(KeyPossessionProofs.AUDIENCE)
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(10))))
                .build();
    }
}
