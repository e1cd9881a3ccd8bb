package dev.tenantry.directory.apps;

import dev.tenantry.directory.Text;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.Column;
import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.shared.NotFoundException;
import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.Transactions;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Certificates of app registrations (issue 11): Graph's {@code keyCredentials} as a PATCH replaces them,
 * {@code addKey}/{@code removeKey} with a proof of possession, and the certificates the token endpoint checks client
 * assertions against. Changing them is for whoever may change the application (its owners, or an administrator).
 */
public final class ApplicationKeyService {

    private static final int MAX_KEYS = 20;

    private final ApplicationService applicationService;
    private final ApplicationRepository applications;
    private final KeyCredentialRepository keys;
    private final Transactions transactions;
    private final KeyProof proofs;
    private final FederatedCredentialService federated;

    public ApplicationKeyService(
            ApplicationService applicationService,
            ApplicationRepository applications,
            KeyCredentialRepository keys,
            Transactions transactions,
            KeyProof proofs) {
        this.applicationService = applicationService;
        this.applications = applications;
        this.keys = keys;
        this.transactions = transactions;
        this.proofs = proofs;
        this.federated = new FederatedCredentialService(applicationService, applications, keys, transactions);
    }

    /** The applications' federated identity credentials (issue 11), stored beside their certificates. */
    public FederatedCredentialService federated() {
        return federated;
    }

    /** The application's certificates, for a caller who may read applications. */
    public List<KeyCredential> keyCredentials(Caller caller, TenantId tenantId, UUID objectId) {
        return keys.list(
                applicationService.getApplication(caller, tenantId, objectId).id());
    }

    /**
     * Graph's {@code PATCH keyCredentials}: the application's certificates become {@code wanted}; an entry with a
     * {@code key} adds that certificate, one with only a {@code keyId} keeps a certificate it has, the rest go.
     */
    public List<KeyCredential> replaceKeyCredentials(
            Caller caller, TenantId tenantId, UUID objectId, List<NewKeyCredential> wanted) {
        return transactions.inTransaction(() -> {
            Application application = applicationService.manageableApplication(caller, tenantId, objectId);
            if (wanted.size() > MAX_KEYS) {
                throw invalid("An application may have at most " + MAX_KEYS + " keyCredentials.");
            }
            Map<UUID, KeyCredential> current = keys.list(application.id()).stream()
                    .collect(Collectors.toMap(KeyCredential::keyId, Function.identity()));
            List<KeyCredential> next = new ArrayList<>();
            Set<UUID> seen = new LinkedHashSet<>();
            for (NewKeyCredential entry : wanted) {
                KeyCredential key;
                if (entry.key() == null || entry.key().isBlank()) {
                    if (entry.keyId() == null || !current.containsKey(entry.keyId())) {
                        throw invalid("A keyCredential without 'key' must name, by keyId, a certificate the "
                                + "application has; send the certificate as 'key' (base64 of its DER) to add one.");
                    }
                    key = current.get(entry.keyId());
                } else {
                    key = parse(entry);
                }
                if (!seen.add(key.keyId())) {
                    throw new InvalidRequestException(
                            KeyCredentialError.DUPLICATE_KEY_CREDENTIAL,
                            "keyCredentials names keyId '" + key.keyId() + "' twice.",
                            "keyCredentials");
                }
                next.add(key);
            }
            for (KeyCredential old : current.values()) {
                keys.delete(application.id(), old.keyId());
            }
            next.forEach(key -> keys.insert(application.id(), key));
            return keys.list(application.id());
        });
    }

    /** Graph's {@code addKey}: adds a certificate, proven by a JWT signed with one of the application's current ones. */
    public KeyCredential addKey(
            Caller caller, TenantId tenantId, UUID objectId, NewKeyCredential keyCredential, String proof) {
        return transactions.inTransaction(() -> {
            Application application = applicationService.manageableApplication(caller, tenantId, objectId);
            List<KeyCredential> current = keys.list(application.id());
            proofs.verify(proof, application.id(), current);
            if (keyCredential == null
                    || keyCredential.key() == null
                    || keyCredential.key().isBlank()) {
                throw invalid("addKey needs keyCredential.key: the certificate, base64 of its DER.");
            }
            KeyCredential key = parse(keyCredential);
            if (current.size() >= MAX_KEYS) {
                throw invalid("An application may have at most " + MAX_KEYS + " keyCredentials.");
            }
            keys.insert(application.id(), key);
            return key;
        });
    }

    /** Graph's {@code removeKey}: removes the certificate {@code keyId}, proven as {@link #addKey} is. */
    public void removeKey(Caller caller, TenantId tenantId, UUID objectId, UUID keyId, String proof) {
        transactions.inTransaction(() -> {
            Application application = applicationService.manageableApplication(caller, tenantId, objectId);
            proofs.verify(proof, application.id(), keys.list(application.id()));
            if (!keys.delete(application.id(), keyId)) {
                throw new NotFoundException(
                        KeyCredentialError.KEY_CREDENTIAL_NOT_FOUND,
                        "The application has no key credential with keyId '" + keyId + "'; GET the application to"
                                + " see its keyCredentials.");
            }
            return null;
        });
    }

    /**
     * The certificates of the application with client id {@code appId} registered in {@code tenantId}, for the token
     * endpoint's client assertions (no caller: the assertion is the credential); empty for an unknown client.
     */
    public List<KeyCredential> certificatesOf(TenantId tenantId, UUID appId) {
        return applications
                .findByAppId(appId)
                .filter(app -> app.tenantId().equals(tenantId))
                .map(app -> keys.list(app.id()))
                .orElse(List.of());
    }

    /** The certificate a key credential carries, with Graph's shown parts; only RSA certificates sign RS256/PS256. */
    static KeyCredential parse(NewKeyCredential entry) {
        if (entry.type() != null && !KeyCredential.TYPE.equals(entry.type())) {
            throw invalid("keyCredential type '" + entry.type() + "' is not supported; use '" + KeyCredential.TYPE
                    + "' (a certificate).");
        }
        if (entry.usage() != null && !KeyCredential.USAGE.equals(entry.usage())) {
            throw invalid("keyCredential usage '" + entry.usage() + "' is not supported; use '" + KeyCredential.USAGE
                    + "' (the certificate verifies the application's client assertions).");
        }
        byte[] der = der(entry.key());
        X509Certificate certificate;
        try {
            certificate = (X509Certificate)
                    CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | ClassCastException e) {
            throw invalid("keyCredential.key is not an X.509 certificate: send base64 of the certificate's DER "
                    + "(the public certificate only, never the private key).");
        }
        if (!(certificate.getPublicKey() instanceof RSAPublicKey)) {
            throw invalid("The certificate's key is not an RSA key; client assertions are checked as RS256 or PS256.");
        }
        return new KeyCredential(
                entry.keyId() == null ? UUID.randomUUID() : entry.keyId(),
                Text.optional(entry.displayName(), "displayName", Column.APPLICATION_KEY_DISPLAY_NAME),
                thumbprint("SHA-1", der),
                thumbprint("SHA-256", der),
                Base64.getEncoder().encodeToString(der),
                certificate.getNotBefore().toInstant(),
                certificate.getNotAfter().toInstant());
    }

    private static byte[] der(String key) {
        String text = key.strip();
        try {
            byte[] raw = Base64.getMimeDecoder().decode(text);
            String asText = new String(raw, StandardCharsets.US_ASCII);
            if (asText.startsWith("-----BEGIN CERTIFICATE-----")) {
                return pem(asText); // base64 of a PEM file, as some tools upload it
            }
            return raw;
        } catch (IllegalArgumentException e) {
            if (text.startsWith("-----BEGIN CERTIFICATE-----")) {
                return pem(text);
            }
            throw invalid("keyCredential.key is not base64: send base64 of the certificate's DER.");
        }
    }

    private static byte[] pem(String text) {
        String body = text.replace("-----BEGIN CERTIFICATE-----", "")
                .replace("-----END CERTIFICATE-----", "")
                .strip();
        try {
            return Base64.getMimeDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw invalid("keyCredential.key holds a PEM certificate that is not base64 inside.");
        }
    }

    private static String thumbprint(String algorithm, byte[] der) {
        try {
            return HexFormat.of()
                    .withUpperCase()
                    .formatHex(MessageDigest.getInstance(algorithm).digest(der));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }

    private static InvalidRequestException invalid(String message) {
        return new InvalidRequestException(KeyCredentialError.INVALID_KEY_CREDENTIAL, message, "keyCredentials");
    }
}
