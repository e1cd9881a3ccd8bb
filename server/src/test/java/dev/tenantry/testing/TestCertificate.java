package dev.tenantry.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A self-signed RSA certificate and its private key, as a daemon registers one on its application (issue 11), and the
 * client assertions it signs (RFC 7523, with Entra's {@code x5t} header).
 */
public record TestCertificate(KeyPair keys, X509Certificate certificate) {

    /** A new 2048-bit RSA certificate valid from {@code notBefore} to {@code notAfter}. */
    public static TestCertificate create(Instant notBefore, Instant notAfter) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            X500Name subject = new X500Name("CN=daemon-" + UUID.randomUUID());
            var builder = new JcaX509v3CertificateBuilder(
                    subject,
                    BigInteger.valueOf(System.nanoTime()),
                    Date.from(notBefore),
                    Date.from(notAfter),
                    subject,
                    keys.getPublic());
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(
                            builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
            return new TestCertificate(keys, certificate);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A certificate valid for a year around {@code now}. */
    public static TestCertificate validAround(Instant now) {
        return create(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
    }

    /** Graph's {@code key}: base64 of the DER. */
    public String base64Der() {
        try {
            return Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The {@code x5t} header value: base64url of the SHA-1 of the DER. */
    public Base64URL x5t() {
        return digest("SHA-1");
    }

    /** The {@code x5t#S256} header value. */
    public Base64URL x5tS256() {
        return digest("SHA-256");
    }

    /** An RS256 header naming this certificate by {@code x5t}, as MSAL sends it. */
    public JWSHeader header() {
        return header(JWSAlgorithm.RS256, "x5t", x5t());
    }

    /** A header of {@code algorithm} naming this certificate's thumbprint under {@code name}. */
    public static JWSHeader header(JWSAlgorithm algorithm, String name, Base64URL thumbprint) {
        try {
            return JWSHeader.parse(Map.of("alg", algorithm.getName(), "typ", "JWT", name, thumbprint.toString()));
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client assertion of {@code clientId} for {@code audience}, issued at {@code now}, ten minutes long. */
    public String assertion(String clientId, String audience, Instant now) {
        return sign(header(), claims(clientId, audience, now, UUID.randomUUID().toString()));
    }

    /** The claims MSAL puts in a client assertion. */
    public static JWTClaimsSet claims(String clientId, String audience, Instant now, String jti) {
        return new JWTClaimsSet.Builder()
                .issuer(clientId)
                .subject(clientId)
                .audience(audience)
                .jwtID(jti)
                .notBeforeTime(Date.from(now))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(10))))
                .build();
    }

    /** {@code claims} signed with this certificate's private key under {@code header}. */
    public String sign(JWSHeader header, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(header, claims);
            jwt.sign(new RSASSASigner(keys.getPrivate()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private Base64URL digest(String algorithm) {
        try {
            return Base64URL.encode(MessageDigest.getInstance(algorithm).digest(certificate.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
