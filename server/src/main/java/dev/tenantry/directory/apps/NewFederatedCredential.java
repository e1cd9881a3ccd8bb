package dev.tenantry.directory.apps;

import java.util.List;

/**
 * A federated identity credential as a client sends it (Graph's create or update body); null is "not sent".
 *
 * @param audiences null for Entra's default, {@value FederatedIdentityCredential#DEFAULT_AUDIENCE}
 */
public record NewFederatedCredential(
        String name, String issuer, String subject, List<String> audiences, String description) {}
