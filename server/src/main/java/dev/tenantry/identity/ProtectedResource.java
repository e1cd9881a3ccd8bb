package dev.tenantry.identity;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The resources this server issues access tokens for and accepts them on: Microsoft Graph and Azure Resource Manager.
 * Each has a fixed set of audience identifiers (its URIs and app id, as in Entra) and the delegated scopes Microsoft's
 * pre-authorized first-party clients receive for {@code .default}.
 */
public enum ProtectedResource {
    GRAPH(
            "https://graph.microsoft.com",
            UUID.fromString("00000003-0000-0000-c000-000000000000"),
            List.of("https://graph.microsoft.com", "https://graph.microsoft.com/"),
            // the scopes Entra pre-authorizes for the Azure CLI; what the user may then do is its own directory role
            List.of("Directory.AccessAsUser.All", "User.Read", "User.ReadWrite.All", "Directory.Read.All"),
            // a new app registration's default permission, consented by any user
            List.of("User.Read")),
    MANAGEMENT(
            "https://management.core.windows.net/",
            UUID.fromString("797f4846-ba00-4fd7-ba43-dac1f8f63013"),
            List.of(
                    "https://management.core.windows.net/",
                    "https://management.core.windows.net",
                    "https://management.azure.com/",
                    "https://management.azure.com"),
            List.of("user_impersonation"),
            List.of("user_impersonation"));

    private final String identifier;
    private final UUID appId;
    private final List<String> uris;
    private final List<String> firstPartyScopes;
    private final List<String> registeredAppScopes;

    ProtectedResource(
            String identifier,
            UUID appId,
            List<String> uris,
            List<String> firstPartyScopes,
            List<String> registeredAppScopes) {
        this.identifier = identifier;
        this.appId = appId;
        this.uris = uris;
        this.firstPartyScopes = firstPartyScopes;
        this.registeredAppScopes = registeredAppScopes;
    }

    /** The canonical identifier, as a token's {@code aud} carries it when the request named an alias. */
    public String identifier() {
        return identifier;
    }

    public UUID appId() {
        return appId;
    }

    /** The fixed audience identifiers of this resource, before any configured alias. */
    Set<String> fixedAudiences() {
        return Set.copyOf(concat(uris, List.of(appId.toString())));
    }

    /**
     * The delegated scopes a client may receive on this resource without an interactive consent: Microsoft's
     * pre-authorized set for its first-party clients, the default {@code User.Read}-like set for registered apps.
     */
    public List<String> preAuthorizedScopes(UUID clientId) {
        return FirstPartyClients.contains(clientId) ? firstPartyScopes : registeredAppScopes;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
