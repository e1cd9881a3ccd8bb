package dev.tenantry.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tenantry.shared.NotFoundException;
import dev.tenantry.shared.RuleViolationException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.interfaces.RSAPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's RS256 keys, shared by every node through the database (issue 8): signs with the newest active key,
 * publishes every stored key as a JWKS, and verifies with any of them. The keys are re-read from the store at most every
 * {@link #RELOAD_INTERVAL}, so a key rotated on another node signs here, and is published here, within that time; a key
 * rotated out keeps verifying the tokens it signed until it is retired.
 */
public final class SigningKeys implements TokenSigner {

    /** How often the stored keys are re-read: the longest a rotation on another node takes to reach this one. */
    public static final Duration RELOAD_INTERVAL = Duration.ofSeconds(10);

    /**
     * How long a rotated-out key must stay before it may be retired: the lifetime of the tokens it signed, the verifier's
     * five minutes of clock skew, and the reload interval during which other nodes may still sign with it.
     */
    public static final Duration RETIRE_AFTER = TOKEN_LIFETIME.plusMinutes(10);

    private static final Logger LOG = LoggerFactory.getLogger(SigningKeys.class);

    private final SigningKeyRepository repository;
    private final Clock clock;
    private final Provider provider;
    private final ReentrantLock reloading = new ReentrantLock();
    private volatile Loaded loaded;

    /** The keys as read at {@code loadedAt}: the signing key and its signer, every key newest first, their verifiers. */
    private record Loaded(
            List<SigningKey> stored,
            RSAKey current,
            RSASSASigner signer,
            Map<String, RSAKey> keys,
            Map<String, JWSVerifier> verifiers,
            Instant loadedAt) {}

    /** The state of one stored key, for administrators. */
    public record Status(String kid, Instant createdAt, boolean signs, Instant rotatedOutAt) {}

    private SigningKeys(SigningKeyRepository repository, Clock clock, Provider provider, List<SigningKey> stored) {
        this.repository = repository;
        this.clock = clock;
        this.provider = provider;
        this.loaded = load(stored, null);
    }

    /** Loads the stored keys, creating the first one if there is none; signs on {@code provider}. */
    public static SigningKeys loadOrCreate(SigningKeyRepository repository, Clock clock, Provider provider) {
        List<SigningKey> stored = repository.all();
        for (int attempt = 0; stored.isEmpty() && attempt < 5; attempt++) {
            SigningKey created = RsaKeys.generate(clock.instant());
            if (repository.tryCreateFirst(created)) {
                LOG.info("created signing key {}", created.kid());
            }
            stored = repository.all(); // ours, or the key of the node that won the race
        }
        if (stored.isEmpty()) {
            throw new IllegalStateException("no signing key could be created or read");
        }
        SigningKeys keys = new SigningKeys(repository, clock, provider, stored);
        LOG.info("tokens are signed with key {} on the {} provider", keys.currentKid(), provider.getName());
        return keys;
    }

    /** Loads or creates the keys and signs with ACCP when it loads, else the JDK. */
    public static SigningKeys loadOrCreate(SigningKeyRepository repository, Clock clock) {
        return loadOrCreate(repository, clock, CryptoProviders.preferred());
    }

    @Override
    public String sign(JWTClaimsSet claims) {
        Loaded keys = fresh();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(JOSEObjectType.JWT)
                .keyID(keys.current().getKeyID())
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(keys.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("signing failed", e);
        }
        return jwt.serialize();
    }

    /** The public keys as a JWKS document ({@code {"keys":[…]}}): the signing key first, then the others newest first. */
    public Map<String, Object> jwks() {
        return new JWKSet(List.<JWK>copyOf(fresh().keys().values())).toJSONObject(true);
    }

    /** The kid of the key new tokens are signed with. */
    public String currentKid() {
        return fresh().current().getKeyID();
    }

    /** The verifier of key {@code kid}, active or rotated out; empty for an unknown or retired key. */
    public Optional<JWSVerifier> verifier(String kid) {
        return kid == null
                ? Optional.empty()
                : Optional.ofNullable(fresh().verifiers().get(kid));
    }

    /** Every stored key, the signing key first. */
    public List<Status> status() {
        Loaded keys = reload();
        String signing = keys.current().getKeyID();
        return keys.stored().stream()
                .sorted(signingFirst())
                .map(k -> new Status(k.kid(), k.createdAt(), k.kid().equals(signing), k.rotatedOutAt()))
                .toList();
    }

    /**
     * Makes a new key the signing key on every node (here at once, elsewhere within {@link #RELOAD_INTERVAL}); the
     * previous keys stay published and keep verifying until they are retired. Returns the new kid.
     */
    public String rotate() {
        SigningKey fresh = RsaKeys.generate(clock.instant());
        repository.rotate(fresh);
        LOG.info("rotated the signing key: new tokens are signed with key {}", fresh.kid());
        return reload().current().getKeyID();
    }

    /**
     * Deletes rotated-out key {@code kid}: tokens it signed stop verifying and it leaves the JWKS. Refused for the
     * signing key and for a key rotated out less than {@link #RETIRE_AFTER} ago, whose tokens may still be valid.
     */
    public void retire(String kid) {
        SigningKey key = reload().stored().stream()
                .filter(k -> k.kid().equals(kid))
                .findFirst()
                .orElseThrow(() -> new NotFoundException(
                        IdentityError.SIGNING_KEY_NOT_FOUND,
                        "There is no signing key '" + kid + "'; 'keys list' shows them."));
        if (key.active()) {
            throw new RuleViolationException(
                    IdentityError.SIGNING_KEY_ACTIVE,
                    "Key '" + kid + "' is active: it may sign new tokens. Rotate first ('keys rotate'), then retire it"
                            + " after " + RETIRE_AFTER.toMinutes() + " minutes.");
        }
        Instant retirable =
                key.rotatedOutAt() == null ? Instant.MIN : key.rotatedOutAt().plus(RETIRE_AFTER);
        if (clock.instant().isBefore(retirable)) {
            throw new RuleViolationException(
                    IdentityError.SIGNING_KEY_RECENTLY_ROTATED,
                    "Key '" + kid + "' was rotated out at " + key.rotatedOutAt() + "; tokens it signed may be valid"
                            + " until " + retirable + ". Retire it after that.");
        }
        if (repository.deleteInactive(kid)) {
            LOG.info("retired signing key {}", kid);
        }
        reload();
    }

    /** The loaded keys, re-read first when they are older than the reload interval (by one thread; others go on). */
    private Loaded fresh() {
        Loaded keys = loaded;
        if (!isStale(keys) || !reloading.tryLock()) {
            return keys;
        }
        try {
            return isStale(loaded) ? reloadLocked() : loaded;
        } finally {
            reloading.unlock();
        }
    }

    private Loaded reload() {
        reloading.lock();
        try {
            return reloadLocked();
        } finally {
            reloading.unlock();
        }
    }

    private Loaded reloadLocked() {
        Loaded previous = loaded;
        try {
            List<SigningKey> stored = repository.all();
            loaded = stored.isEmpty() ? again(previous) : load(stored, previous);
        } catch (RuntimeException e) { // the store is unreachable: keep the keys we have, try again later
            LOG.warn("the signing keys could not be re-read ({}); trying again in {}", e.getClass(), RELOAD_INTERVAL);
            loaded = again(previous);
        }
        return loaded;
    }

    private boolean isStale(Loaded keys) {
        Instant now = clock.instant();
        return now.isBefore(keys.loadedAt()) || !now.isBefore(keys.loadedAt().plus(RELOAD_INTERVAL));
    }

    private Loaded again(Loaded previous) {
        return new Loaded(
                previous.stored(),
                previous.current(),
                previous.signer(),
                previous.keys(),
                previous.verifiers(),
                clock.instant());
    }

    /** The stored keys as JWKs, signer and verifiers, reusing what {@code previous} already parsed. */
    private Loaded load(List<SigningKey> stored, Loaded previous) {
        Map<String, RSAKey> keys = new LinkedHashMap<>();
        Map<String, JWSVerifier> verifiers = new LinkedHashMap<>();
        for (SigningKey key : stored.stream().sorted(signingFirst()).toList()) {
            RSAKey jwk = previous != null && previous.keys().containsKey(key.kid())
                    ? previous.keys().get(key.kid())
                    : RsaKeys.toJwk(key);
            keys.put(key.kid(), jwk);
            verifiers.put(
                    key.kid(),
                    previous != null && previous.verifiers().containsKey(key.kid())
                            ? previous.verifiers().get(key.kid())
                            : verifier(jwk));
        }
        RSAKey current = keys.values().iterator().next();
        RSASSASigner signer = previous != null && previous.current().getKeyID().equals(current.getKeyID())
                ? previous.signer()
                : signer(current);
        if (previous != null && signer != previous.signer()) {
            LOG.info("tokens are now signed with key {}", current.getKeyID());
        }
        return new Loaded(
                List.copyOf(stored),
                current,
                signer,
                Collections.unmodifiableMap(keys), // in JWKS order
                Map.copyOf(verifiers),
                clock.instant());
    }

    /** Active keys before rotated-out ones, each newest first: the first one signs. */
    private static Comparator<SigningKey> signingFirst() {
        return Comparator.comparing((SigningKey k) -> !k.active())
                .thenComparing(SigningKey::createdAt, Comparator.reverseOrder())
                .thenComparing(SigningKey::kid);
    }

    /**
     * A signer on {@link #provider} with the key in that provider's own form: ACCP given a JDK key object converts it
     * to a native one at every signature, which more than doubled the cost of an RS256 signature (issue 13).
     */
    private RSASSASigner signer(RSAKey key) {
        try {
            RSASSASigner signer = new RSASSASigner(ownForm(key.toRSAPrivateKey()));
            signer.getJCAContext().setProvider(provider);
            return signer;
        } catch (JOSEException e) {
            throw new IllegalStateException("signing key " + key.getKeyID() + " cannot sign", e);
        }
    }

    private PrivateKey ownForm(RSAPrivateKey key) {
        try {
            return (PrivateKey) KeyFactory.getInstance("RSA", provider).translateKey(key);
        } catch (GeneralSecurityException e) {
            return key; // a provider that cannot translate signs with the key as it is
        }
    }

    private static JWSVerifier verifier(RSAKey key) {
        try {
            return new RSASSAVerifier(key.toRSAPublicKey());
        } catch (JOSEException e) {
            throw new IllegalStateException("bad public key " + key.getKeyID(), e);
        }
    }
}
