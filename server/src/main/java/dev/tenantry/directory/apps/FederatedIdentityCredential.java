package dev.tenantry.directory.apps;

import dev.tenantry.shared.Secrets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A federated identity credential of an app registration (Graph's {@code federatedIdentityCredential}, issue 11): a
 * token issued by {@code issuer} to {@code subject} with an {@code aud} among {@code audiences} proves the application,
 * as GitHub Actions' and Kubernetes' workload identity federation use it. Entra holds exactly one audience.
 */
public record FederatedIdentityCredential(
        UUID id, String name, String issuer, String subject, List<String> audiences, String description) {

    /** Entra's audience for tokens exchanged with it, the default of every credential. */
    public static final String DEFAULT_AUDIENCE = "api://AzureADTokenExchange";

    public FederatedIdentityCredential {
        audiences = List.copyOf(audiences);
    }

    /** The name as names are compared: lower-cased (names are ASCII). */
    public String nameKey() {
        return name.toLowerCase(Locale.ROOT);
    }

    /** Issuer and subject as one fixed-size key, unique per application. */
    public String issuerSubjectKey() {
        return Secrets.sha256Hex(issuer + "\n" + subject);
    }
}
