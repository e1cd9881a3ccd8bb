package dev.tenantry.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;

/** Makes RS256 signing keys and reads stored ones back as JWKs. */
final class RsaKeys {

    private RsaKeys() {}

    /** A new active 2048-bit RSA key created at {@code now}, named by its RFC 7638 thumbprint. */
    static SigningKey generate(Instant now) {
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
                    now,
                    true,
                    null);
        } catch (GeneralSecurityException | JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA key", e);
        }
    }

    /** The stored key as a JWK with its private part, {@code use=sig}, {@code alg=RS256}. */
    static RSAKey toJwk(SigningKey stored) {
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
