package dev.tenantry.tls;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** What the server's certificates say: a TLS server certificate's extensions, and the names it covers. */
final class ServerCertificates {

    private ServerCertificates() {}

    /** A certificate builder for {@code key} named {@code subject} by itself, valid from an hour ago for {@code validity}. */
    static JcaX509v3CertificateBuilder selfSignedBuilder(X500Name subject, PublicKey key, Duration validity) {
        Instant now = Instant.now();
        return new JcaX509v3CertificateBuilder(
                subject,
                new BigInteger(127, new SecureRandom()),
                Date.from(now.minus(Duration.ofHours(1))),
                Date.from(now.plus(validity)),
                subject,
                key);
    }

    /** Signs with ECDSA over SHA-256. */
    static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key)
            throws OperatorCreationException, GeneralSecurityException {
        X509CertificateHolder holder = builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key));
        return new JcaX509CertificateConverter().getCertificate(holder);
    }

    /** Not a CA, signs TLS handshakes, for servers, valid for {@code names}. */
    static void addServerExtensions(X509v3CertificateBuilder builder, Set<String> names) throws CertIOException {
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        builder.addExtension(Extension.subjectAlternativeName, false, subjectAlternativeNames(names));
    }

    private static GeneralNames subjectAlternativeNames(Set<String> names) {
        List<GeneralName> general = new ArrayList<>();
        for (String name : names) {
            general.add(new GeneralName(isAddress(name) ? GeneralName.iPAddress : GeneralName.dNSName, name));
        }
        return new GeneralNames(general.toArray(GeneralName[]::new));
    }

    static boolean isAddress(String name) {
        return name.contains(":") || name.chars().allMatch(c -> Character.isDigit(c) || c == '.');
    }

    /** The DNS names and IP addresses of a certificate's subjectAltName, lower-cased, IPv6 as the JDK writes it. */
    static Set<String> names(X509Certificate certificate) {
        Set<String> names = new TreeSet<>();
        try {
            Collection<List<?>> entries = certificate.getSubjectAlternativeNames();
            if (entries != null) {
                for (List<?> entry : entries) {
                    names.add(String.valueOf(entry.get(1)).toLowerCase(Locale.ROOT));
                }
            }
        } catch (CertificateParsingException e) {
            // no readable names: treated as covering none
        }
        return names;
    }

    /** The names as a certificate would list them (so {@code ::1} compares as {@code 0:0:0:0:0:0:0:1}). */
    static Set<String> normalized(Set<String> wanted) {
        Set<String> names = new TreeSet<>();
        for (String name : wanted) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.contains(":")) {
                try {
                    lower = java.net.InetAddress.getByName(lower).getHostAddress();
                } catch (java.net.UnknownHostException e) {
                    // left as given
                }
            }
            names.add(lower);
        }
        return names;
    }
}
