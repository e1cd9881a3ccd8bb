package dev.tenantry.identity.grants;

import dev.tenantry.directory.User;
import dev.tenantry.identity.RequestedScopes;
import java.util.UUID;

/**
 * What a signed-in user lets a client do: the scopes it asked for and the {@code scp} claim they come to, as the
 * password and refresh token grants issue it and a refresh token remembers it.
 */
record DelegatedAccess(User user, UUID clientId, RequestedScopes scopes, String scp) {}
