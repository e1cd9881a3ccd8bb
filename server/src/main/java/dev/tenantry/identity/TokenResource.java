package dev.tenantry.identity;

import dev.tenantry.shared.TenantId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What an access token is for: Microsoft Graph or Azure Resource Manager ({@link FirstParty}), whose tokens this
 * server also accepts on its own routes, or an API an app registration of the directory exposes ({@link AppApi},
 * issue 11), whose tokens only that application's own service accepts.
 */
public sealed interface TokenResource permits TokenResource.FirstParty, TokenResource.AppApi {

    /** Graph or ARM, as {@link Audiences} knows them. */
    record FirstParty(ProtectedResource resource) implements TokenResource {

        public FirstParty {
            Objects.requireNonNull(resource, "resource");
        }
    }

    /**
     * The API of the application {@code appId} of {@code tenantId}, requested as {@code requested} (one of its
     * identifier URIs or its app id): its service principal (the {@code resourceId} of consent grants and app role
     * assignments), the token version it asked for and the delegated scopes it offers (enabled ones only).
     *
     * <p>Token shape, as Entra issues it (learn.microsoft.com "Access tokens", "Access token claims reference"): with
     * {@code api.requestedAccessTokenVersion} null or 1 a v1.0 token whose {@code aud} is the resource as the client
     * named it (the identifier URI, or the app id) and whose issuer is the v1 one ({@code https://sts.windows.net/{tid}/}
     * in Entra); with 2 a v2.0 token whose {@code aud} is always the app id and whose issuer is
     * {@code …/{tid}/v2.0}.
     */
    record AppApi(
            TenantId tenantId,
            UUID appId,
            UUID servicePrincipalId,
            String displayName,
            String requested,
            Integer requestedAccessTokenVersion,
            List<Scope> scopes)
            implements TokenResource {

        public AppApi {
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(appId, "appId");
            scopes = List.copyOf(scopes);
        }

        /** Whether its tokens are v2.0 tokens. */
        public boolean v2() {
            return requestedAccessTokenVersion != null && requestedAccessTokenVersion == 2;
        }

        /** The token's {@code aud}: the app id for v2.0, the resource as requested for v1.0. */
        public String audience() {
            return v2() ? appId.toString() : requested;
        }

        /**
         * This API as a client's {@code .default} request sees it (issue 11): only its scopes named in {@code values},
         * the static permissions of the client's registration.
         */
        public AppApi onlyScopes(List<String> values) {
            return new AppApi(
                    tenantId,
                    appId,
                    servicePrincipalId,
                    displayName,
                    requested,
                    requestedAccessTokenVersion,
                    scopes.stream().filter(s -> values.contains(s.value())).toList());
        }

        /** The enabled scope named {@code name}, case-insensitively. */
        public Optional<Scope> scope(String name) {
            String key = name.toLowerCase(Locale.ROOT);
            return scopes.stream()
                    .filter(s -> s.value().toLowerCase(Locale.ROOT).equals(key))
                    .findFirst();
        }
    }

    /**
     * One enabled delegated permission of an {@link AppApi}; {@code adminOnly} for Graph's type {@code Admin};
     * {@code displayName} and {@code description} as the consent page shows them (may be null).
     */
    record Scope(String value, boolean adminOnly, String displayName, String description) {

        /** A scope without consent texts. */
        public Scope(String value, boolean adminOnly) {
            this(value, adminOnly, null, null);
        }
    }
}
