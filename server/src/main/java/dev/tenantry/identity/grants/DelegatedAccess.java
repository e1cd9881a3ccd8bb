package dev.tenantry.identity.grants;

import dev.tenantry.directory.User;
import dev.tenantry.identity.RequestedScopes;
import dev.tenantry.identity.TokenResource;
import java.util.UUID;

/**
 * What a signed-in user lets a client do: the scopes it asked for and the {@code scp} claim they come to, as the
 * password and refresh token grants issue it and a refresh token remembers it; {@code resource} is the registered API
 * the token is for (issue 11), null for Graph and ARM, whose audience is the resource part of the scopes.
 */
record DelegatedAccess(User user, UUID clientId, RequestedScopes scopes, String scp, TokenResource resource) {

    /** Access to Graph or ARM. */
    DelegatedAccess(User user, UUID clientId, RequestedScopes scopes, String scp) {
        this(user, clientId, scopes, scp, null);
    }

    /** Access as {@link Resources#delegated} resolved it. */
    DelegatedAccess(User user, UUID clientId, RequestedScopes scopes, Resources.Delegated delegated) {
        this(user, clientId, scopes, delegated.scp(), delegated.resource());
    }
}
