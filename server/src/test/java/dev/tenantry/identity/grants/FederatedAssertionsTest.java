package dev.tenantry.identity.grants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tenantry.directory.apps.Application;
import dev.tenantry.directory.apps.ApplicationKeyService;
import dev.tenantry.directory.apps.NewFederatedCredential;
import dev.tenantry.identity.IssuerKeys;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.DomainException;
import dev.tenantry.testing.InMemoryClientAssertionReplays;
import dev.tenantry.testing.TestClock;
import dev.tenantry.testing.TestDirectories;
import dev.tenantry.testing.TestDirectory;
import dev.tenantry.testing.TestWorld;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("issue 11: an external token proves an application through its federated identity credential")
class FederatedAssertionsTest {

    static final String BASE = "https://login.example";
    static final String ISSUER = "https://token.actions.githubusercontent.com";
    static final String SUBJECT = "repo:contoso/app:ref:refs/heads/main";
    static final String AUDIENCE = "api://AzureADTokenExchange";

    final TestClock clock = TestClock.atTen();
    final TestWorld world = TestWorld.create(clock);
    final TestDirectory contoso = TestDirectories.contoso().create(world);
    final Caller admin = contoso.adminCaller();
    final ApplicationKeyService keys = world.services().keyCredentials();
    final Application app = deployer();
    final RSAKey rsa = rsaKey("rsa-1");
    final ECKey ec = ecKey("ec-1");
    final StubKeys issuerKeys = new StubKeys(new JWKSet(List.of(rsa.toPublicJWK(), ec.toPublicJWK())));
    final InMemoryClientAssertionReplays replays = new InMemoryClientAssertionReplays();
    final ClientAssertions assertions = new ClientAssertions(
            world.services().applications(),
            keys,
            replays,
            clock,
            new FederatedAssertions(keys.federated(), issuerKeys, clock));

    /** Counts what is fetched; its keys can be swapped as an issuer rotates them. */
    static final class StubKeys implements IssuerKeys {
        final JWKSet cached;
        final JWKSet afterRefresh;
        final List<String> fetched = new ArrayList<>();

        StubKeys(JWKSet cached) {
            this(cached, cached);
        }

        StubKeys(JWKSet cached, JWKSet afterRefresh) {
            this.cached = cached;
            this.afterRefresh = afterRefresh;
        }

        @Override
        public JWKSet keys(String issuer, boolean refresh) {
            fetched.add(issuer + (refresh ? " (refresh)" : ""));
            return refresh ? afterRefresh : cached;
        }
    }

    private Application deployer() {
        Application created = world.services().applications().createApplication(admin, contoso.id(), "Deployer");
        world.services().applications().createServicePrincipal(admin, contoso.id(), created.appId());
        keys.federated()
                .create(
                        admin,
                        contoso.id(),
                        created.id(),
                        new NewFederatedCredential("main", ISSUER, SUBJECT, null, null));
        return created;
    }

    static RSAKey rsaKey(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static ECKey ecKey(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    JWTClaimsSet.Builder claims() {
        Instant now = clock.instant();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(SUBJECT)
                .audience(AUDIENCE)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(10))))
                .jwtID(UUID.randomUUID().toString());
    }

    static String sign(JWK key, JWTClaimsSet claims) {
        try {
            if (key instanceof RSAKey rsa) {
                SignedJWT jwt = new SignedJWT(
                        new JWSHeader.Builder(JWSAlgorithm.RS256)
                                .keyID(key.getKeyID())
                                .build(),
                        claims);
                jwt.sign(new RSASSASigner(rsa));
                return jwt.serialize();
            }
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.ES256)
                            .keyID(key.getKeyID())
                            .build(),
                    claims);
            jwt.sign(new ECDSASigner((ECKey) key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    Caller.App exchange(String assertion) {
        return assertions.authenticate(
                contoso.id(),
                app.appId(),
                ClientAssertions.JWT_BEARER,
                assertion,
                contoso.id().toString(),
                BASE);
    }

    static void refusedWith(String code, String mentioning, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.getMessage()).contains(mentioning);
        });
    }

    @Test
    @DisplayName("issue 11: an RS256 or ES256 token of the registered issuer, subject and audience proves the app")
    void matchingTokenProvesTheApplication() {
        assertThat(exchange(sign(rsa, claims().build())).appId()).isEqualTo(app.appId());
        assertThat(exchange(sign(ec, claims().build())).appId()).isEqualTo(app.appId());
        assertThat(issuerKeys.fetched).containsOnly(ISSUER);
    }

    @Test
    @DisplayName("issue 11: the refusals name what matched no credential (AADSTS700211, 700213, 700212)")
    void mismatchesAreNamed() {
        refusedWith(
                "federated_issuer_mismatch",
                "https://evil.example",
                () -> exchange(sign(rsa, claims().issuer("https://evil.example").build())));
        refusedWith(
                "federated_subject_mismatch",
                "repo:contoso/app:pull_request",
                () -> exchange(sign(
                        rsa, claims().subject("repo:contoso/app:pull_request").build())));
        refusedWith(
                "federated_audience_mismatch",
                "api://other",
                () -> exchange(sign(rsa, claims().audience("api://other").build())));
        assertThat(issuerKeys.fetched)
                .as("nothing is fetched before a credential matches")
                .isEmpty();
    }

    @Test
    @DisplayName("issue 11: expired and badly signed tokens are refused; a token may be exchanged again, as in Entra")
    void expiredReplayedAndForged() {
        Instant now = clock.instant();
        refusedWith(
                "client_assertion_expired",
                "valid time range",
                () -> exchange(sign(
                        rsa,
                        claims().expirationTime(Date.from(now.minus(Duration.ofMinutes(6))))
                                .build())));
        String reused = sign(rsa, claims().build());
        exchange(reused);
        assertThat(exchange(reused).appId())
                .as("Entra lets an external token be exchanged again until it expires (az CLI, azure-identity)")
                .isEqualTo(app.appId());

        RSAKey stranger = rsaKey("rsa-1"); // the issuer's kid, another key
        refusedWith(
                "client_assertion_signature", "signature validation", () -> exchange(sign(stranger, claims().build())));
        refusedWith(
                "client_assertion_signature",
                "no key 'unknown'",
                () -> exchange(sign(rsaKey("unknown"), claims().build())));
        assertThat(issuerKeys.fetched).contains(ISSUER + " (refresh)");
    }

    @Test
    @DisplayName("issue 11: a key the issuer rotated in after the cache is found by fetching again")
    void rotatedKeyIsFetchedAgain() {
        RSAKey rotated = rsaKey("rsa-2");
        StubKeys rotating = new StubKeys(new JWKSet(rsa.toPublicJWK()), new JWKSet(rotated.toPublicJWK()));
        ClientAssertions withRotation = new ClientAssertions(
                world.services().applications(),
                keys,
                replays,
                clock,
                new FederatedAssertions(keys.federated(), rotating, clock));

        assertThat(withRotation
                        .authenticate(
                                contoso.id(),
                                app.appId(),
                                ClientAssertions.JWT_BEARER,
                                sign(rotated, claims().build()),
                                contoso.id().toString(),
                                BASE)
                        .appId())
                .isEqualTo(app.appId());
        assertThat(rotating.fetched).containsExactly(ISSUER, ISSUER + " (refresh)");
    }

    @Test
    @DisplayName("R14: another directory's application is not proven by this directory's credential")
    void r14CredentialsStayInTheirDirectory() {
        TestDirectory fabrikam = TestDirectories.fabrikam().create(world);
        assertThatThrownBy(() -> assertions.authenticate(
                        fabrikam.id(),
                        app.appId(),
                        ClientAssertions.JWT_BEARER,
                        sign(rsa, claims().build()),
                        fabrikam.id().toString(),
                        BASE))
                .isInstanceOf(DomainException.class);
        assertThat(issuerKeys.fetched).isEmpty();
    }
}
