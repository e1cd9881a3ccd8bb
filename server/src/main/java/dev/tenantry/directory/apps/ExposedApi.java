package dev.tenantry.directory.apps;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What an app registration exposes as an API (issue 11): its application ID URIs (Graph's {@code identifierUris}),
 * the delegated permissions it offers ({@code api.oauth2PermissionScopes}) and the version of the access tokens issued
 * for it ({@code api.requestedAccessTokenVersion}: null or 1 for v1.0 tokens, 2 for v2.0).
 */
public record ExposedApi(
        List<String> identifierUris, List<PermissionScope> scopes, Integer requestedAccessTokenVersion) {

    /** An application that exposes nothing, as a new registration. */
    public static final ExposedApi NONE = new ExposedApi(List.of(), List.of(), null);

    public ExposedApi {
        identifierUris = List.copyOf(identifierUris);
        scopes = List.copyOf(scopes);
    }

    /** The enabled scope whose value is {@code name}, compared case-insensitively as Entra does. */
    public Optional<PermissionScope> enabledScope(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        return scopes.stream()
                .filter(PermissionScope::enabled)
                .filter(s -> s.value().toLowerCase(Locale.ROOT).equals(key))
                .findFirst();
    }

    /** Whether its tokens are v2.0 tokens ({@code aud} the app id, v2.0 issuer); else v1.0. */
    public boolean v2Tokens() {
        return requestedAccessTokenVersion != null && requestedAccessTokenVersion == 2;
    }

    public ExposedApi withIdentifierUris(List<String> uris) {
        return new ExposedApi(uris, scopes, requestedAccessTokenVersion);
    }

    public ExposedApi withScopes(List<PermissionScope> newScopes) {
        return new ExposedApi(identifierUris, newScopes, requestedAccessTokenVersion);
    }

    public ExposedApi withRequestedAccessTokenVersion(Integer version) {
        return new ExposedApi(identifierUris, scopes, version);
    }
}
