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
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's RS256 keys, shared by every node through the database: signs with the newest active key, publishes
 * the public keys as a JWKS, and keeps one verifier per {@code kid}.
 */
public final class SigningKeys implements TokenSigner {

    private static final Logger LOG = LoggerFactory.getLogger(SigningKeys.class);
    private static final long RELOAD_INTERVAL_MILLIS = 10_000;

    private final SigningKeyRepository repository;
    private final Clock clock;
    private final RSAKey current;
    private final RSASSASigner signer;
    private final Map<String, JWSVerifier> verifiers = new ConcurrentHashMap<>();
    private volatile List<RSAKey> published;
    private volatile long lastReload;

    private SigningKeys(SigningKeyRepository repository, Clock clock, List<RSAKey> keys, Provider provider) {
        this.repository = repository;
        this.clock = clock;
        this.current = keys.get(0);
        this.published = List.copyOf(keys);
        try {
            this.signer = new RSASSASigner(current.toRSAPrivateKey());
        } catch (JOSEException e) {
            throw new IllegalStateException("the signing key cannot sign", e);
        }
        signer.getJCAContext().setProvider(provider);
        keys.forEach(this::cacheVerifier);
    }

    /** Loads the stored keys, creating the first one if there is none; signs on {@code provider}. */
    public static SigningKeys loadOrCreate(SigningKeyRepository repository, Clock clock, Provider provider) {
        List<SigningKey> stored = repository.all();
        for (int attempt = 0; stored.isEmpty() && attempt < 5; attempt++) {
            SigningKey created = generate(clock);
            if (repository.tryCreateFirst(created)) {
                LOG.info("created signing key {}", created.kid());
            }
            stored = repository.all(); // ours, or the key of the node that won the race
        }
        if (stored.isEmpty()) {
            throw new IllegalStateException("no signing key could be created or read");
        }
        List<RSAKey> keys = new ArrayList<>();
        stored.stream().filter(SigningKey::active).map(SigningKeys::toJwk).forEach(keys::add);
        stored.stream().filter(k -> !k.active()).map(SigningKeys::toJwk).forEach(keys::add);
        LOG.info("tokens are signed with key {} on the {} provider", keys.get(0).getKeyID(), provider.getName());
        return new SigningKeys(repository, clock, keys, provider);
    }

    /** Loads or creates the keys and signs with ACCP when it loads, else the JDK. */
    public static SigningKeys loadOrCreate(SigningKeyRepository repository, Clock clock) {
        return loadOrCreate(repository, clock, CryptoProviders.preferred());
    }

    @Override
    public String sign(JWTClaimsSet claims) {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(JOSEObjectType.JWT)
                .keyID(current.getKeyID())
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("signing failed", e);
        }
        return jwt.serialize();
    }

    /** The public keys as a JWKS document ({@code {"keys":[…]}}), newest first. */
    public Map<String, Object> jwks() {
        return new JWKSet(List.<JWK>copyOf(published)).toJSONObject(true);
    }

    /** The kid of the key new tokens are signed with. */
    public String currentKid() {
        return current.getKeyID();
    }

    /** The verifier of key {@code kid}; an unknown kid re-reads the store at most every ten seconds. */
    public Optional<JWSVerifier> verifier(String kid) {
        JWSVerifier verifier = kid == null ? null : verifiers.get(kid);
        if (verifier == null && kid != null && clock.millis() - lastReload > RELOAD_INTERVAL_MILLIS) {
            lastReload = clock.millis();
            List<RSAKey> keys =
                    repository.all().stream().map(SigningKeys::toJwk).toList();
            keys.forEach(this::cacheVerifier);
            published = keys;
            verifier = verifiers.get(kid);
        }
        return Optional.ofNullable(verifier);
    }

    private void cacheVerifier(RSAKey key) {
        verifiers.computeIfAbsent(key.getKeyID(), kid -> {
            try {
                return new RSASSAVerifier(key.toRSAPublicKey());
            } catch (JOSEException e) {
                throw new IllegalStateException("bad public key " + kid, e);
            }
        });
    }

    /** A new 2048-bit RSA key, named by its RFC 7638 thumbprint. */
    static SigningKey generate(Clock clock) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            String kid = new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                    .build()
                    .computeThumbprint()
                    .toString();
            Base64.Encoder base64 = Base64.getEncoder();
            return new SigningKey(
                    kid,
                    base64.encodeToString(pair.getPrivate().getEncoded()),
                    base64.encodeToString(pair.getPublic().getEncoded()),
                    clock.instant(),
                    true);
        } catch (GeneralSecurityException | JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA key", e);
        }
    }

    private static RSAKey toJwk(SigningKey stored) {
        try {
            KeyFactory factory = KeyFactory.getInstance("RSA");
            Base64.Decoder base64 = Base64.getDecoder();
            RSAPublicKey publicKey =
                    (RSAPublicKey) factory.generatePublic(new X509EncodedKeySpec(base64.decode(stored.publicDer())));
            RSAPrivateKey privateKey = (RSAPrivateKey)
                    factory.generatePrivate(new PKCS8EncodedKeySpec(base64.decode(stored.privateDer())));
            return new RSAKey.Builder(publicKey)
                    .privateKey(privateKey)
                    .keyID(stored.kid())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored signing key " + stored.kid() + " is unreadable", e);
        }
    }
}
