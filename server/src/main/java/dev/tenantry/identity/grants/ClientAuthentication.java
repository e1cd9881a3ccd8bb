package dev.tenantry.identity.grants;

import dev.tenantry.directory.DirectoryError;
import dev.tenantry.identity.FirstPartyClients;
import dev.tenantry.identity.LockoutService;
import dev.tenantry.identity.PublicClients;
import dev.tenantry.identity.RequiredParameter;
import dev.tenantry.identity.TokenRequest;
import dev.tenantry.shared.AuthenticationException;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.Ids;
import dev.tenantry.shared.TenantId;
import java.util.UUID;

/**
 * Who the client of a token request is (RFC 6749 §2.3): Microsoft's first-party clients are public, a registered
 * application proves itself with its secret, and failures count towards the client's lockout.
 */
final class ClientAuthentication {

    private final LockoutService lockouts;
    private final PublicClients publicClients;
    private final ClientAssertions assertions;

    ClientAuthentication(LockoutService lockouts) {
        this(lockouts, PublicClients.NONE, null);
    }

    /**
     * Client authentication where the registered public clients {@code publicClients} names need no secret, and that
     * also accepts certificate client assertions ({@code assertions}, null for none; issue 11).
     */
    ClientAuthentication(LockoutService lockouts, PublicClients publicClients, ClientAssertions assertions) {
        this.lockouts = lockouts;
        this.publicClients = publicClients;
        this.assertions = assertions;
    }

    /**
     * {@link #publicOrConfidential(TenantId, UUID, String)}, or the client's certificate assertion when it sent one;
     * {@code baseUrl} is the server's origin, for the assertion's audience.
     */
    void publicOrConfidential(TenantId tenantId, UUID clientId, TokenRequest request, String baseUrl) {
        if (request.client().hasAssertion()) {
            confidential(tenantId, clientId, request, baseUrl);
            return;
        }
        publicOrConfidential(tenantId, clientId, request.client().secret());
    }

    /** {@link #confidential(TenantId, UUID, String)}, or by the client's certificate assertion when it sent one. */
    Caller.App confidential(TenantId tenantId, UUID clientId, TokenRequest request, String baseUrl) {
        TokenRequest.Client client = request.client();
        if (!client.hasAssertion()) {
            return confidential(tenantId, clientId, client.secret());
        }
        if (assertions == null || FirstPartyClients.contains(clientId)) {
            throw new AuthenticationException(
                    DirectoryError.INVALID_CLIENT,
                    "Application with identifier '" + clientId + "' was not found in the directory '" + tenantId
                            + "'.");
        }
        return assertions.authenticate(
                tenantId,
                clientId,
                client.assertionType(),
                client.assertion() == null ? "" : client.assertion(),
                request.tenant(),
                baseUrl);
    }

    /** The {@code client_id} the request names; one that is not a GUID names no application. */
    static UUID clientId(TokenRequest.Client client) {
        String text = RequiredParameter.of(client.id(), "client_id");
        return Ids.tryParse(text)
                .orElseThrow(() -> new AuthenticationException(
                        DirectoryError.INVALID_CLIENT, "Application with identifier '" + text + "' was not found."));
    }

    /**
     * Checks the secret of a registered application; a first-party client is public and needs none, nor does a
     * registered public client that sends none.
     */
    void publicOrConfidential(TenantId tenantId, UUID clientId, String secret) {
        if (secret == null && publicClients.isPublic(clientId)) {
            return; // a SPA or native registration holds no secret (issue 11)
        }
        if (!FirstPartyClients.contains(clientId)) {
            lockouts.authenticateClient(tenantId, clientId, secret);
        }
    }

    /** The registered application {@code clientId} of {@code tenantId}, proven by its secret; never a public client. */
    Caller.App confidential(TenantId tenantId, UUID clientId, String secret) {
        if (FirstPartyClients.contains(clientId)) {
            // a first-party client has no secret and no service principal the app could act as
            throw new AuthenticationException(
                    DirectoryError.INVALID_CLIENT,
                    "Application with identifier '" + clientId + "' was not found in the directory '" + tenantId
                            + "'.");
        }
        return lockouts.authenticateClient(tenantId, clientId, secret);
    }
}
