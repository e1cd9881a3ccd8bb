package dev.tenantry.identity.grants;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.tenantry.directory.apps.ApplicationService;
import dev.tenantry.identity.Audiences;
import dev.tenantry.identity.IdentityError;
import dev.tenantry.identity.ProtectedResource;
import dev.tenantry.identity.TokenSigner;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.subscriptions.ComputeHostService;
import dev.tenantry.subscriptions.ManagedIdentity;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Tokens for the managed identities of one compute host (issue 11), as a managed identity endpoint hands them out:
 * app-only access tokens signed like client-credentials tokens ({@code idtyp} app, {@code oid} the identity's service
 * principal, {@code appid} its client id, the app roles granted to it) plus {@code xms_mirid}, the ARM id of the
 * identity (user-assigned) or of the host (system-assigned), for Microsoft Graph or Resource Manager only.
 */
public final class ManagedIdentityTokens {

    private final ComputeHostService hosts;
    private final ApplicationService applications;
    private final Audiences audiences;
    private final TokenSigner signer;
    private final Clock clock;

    public ManagedIdentityTokens(
            ComputeHostService hosts,
            ApplicationService applications,
            Audiences audiences,
            TokenSigner signer,
            Clock clock) {
        this.hosts = hosts;
        this.applications = applications;
        this.audiences = audiences;
        this.signer = signer;
        this.clock = clock;
    }

    /** Which of the host's identities a request asks for; every part null asks for the default one. */
    public record Selector(String clientId, String principalId, String resourceId) {

        public static final Selector DEFAULT = new Selector(null, null, null);

        boolean isDefault() {
            return clientId == null && principalId == null && resourceId == null;
        }
    }

    /** A token and what the endpoints answer about it. */
    public record Issued(
            String accessToken, ManagedIdentity identity, String resource, Instant notBefore, Instant expiresOn) {}

    /**
     * A token for {@code resource} (an audience such as {@code https://management.azure.com/}) of the identity of host
     * {@code hostId} that {@code selector} names: the system-assigned one by default, else the only user-assigned one.
     * {@code baseUrl} is the server's HTTPS origin, which names the issuer.
     */
    public Issued issue(String hostId, String resource, Selector selector, String baseUrl) {
        ComputeHostService.HostView host = hosts.served(hostId)
                .orElseThrow(() -> new InvalidRequestException(
                        ManagedIdentityTokenError.HOST_IDENTITY_NOT_FOUND,
                        "The compute host '" + hostId + "' this endpoint serves does not exist."));
        ManagedIdentity identity = select(host, selector);
        String audience = resource.strip();
        ProtectedResource protectedResource = audiences
                .resourceOf(audience)
                .orElseThrow(() -> new InvalidRequestException(
                        IdentityError.INVALID_RESOURCE,
                        "AADSTS500011: The resource principal named " + audience + " was not found in the tenant "
                                + identity.tenantId() + ". This server issues tokens for Microsoft Graph "
                                + "(https://graph.microsoft.com) and Azure Resource Manager "
                                + "(https://management.azure.com/) only."));
        Caller.App app = applications.servicePrincipalCaller(identity.tenantId(), identity.principalId());
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder(TokenClaims.appAccessToken(
                        TokenClaims.issuer(baseUrl, identity.tenantId()),
                        audience,
                        app,
                        protectedResource == ProtectedResource.GRAPH,
                        now))
                .claim("xms_mirid", identity.resourceId())
                .build();
        return new Issued(signer.sign(claims), identity, audience, now, now.plus(TokenClaims.LIFETIME));
    }

    private static ManagedIdentity select(ComputeHostService.HostView host, Selector selector) {
        List<ManagedIdentity> all = host.identities();
        if (selector.isDefault()) {
            if (host.systemAssigned().isPresent()) {
                return host.systemAssigned().get();
            }
            if (host.userAssigned().size() == 1) {
                return host.userAssigned().get(0);
            }
            throw new InvalidRequestException(
                    ManagedIdentityTokenError.IDENTITY_NOT_SPECIFIED,
                    host.userAssigned().isEmpty()
                            ? "No managed identity is assigned to this resource: turn its system-assigned identity on or"
                                    + " assign a user-assigned one."
                            : "Multiple user assigned identities exist, please specify the clientId / resourceId of the "
                                    + "identity in the token request");
        }
        Optional<ManagedIdentity> match = all.stream()
                .filter(identity -> selector.clientId() == null
                        || identity.clientId()
                                .toString()
                                .equalsIgnoreCase(selector.clientId().strip()))
                .filter(identity -> selector.principalId() == null
                        || identity.principalId()
                                .toString()
                                .equalsIgnoreCase(selector.principalId().strip()))
                .filter(identity -> selector.resourceId() == null
                        || identity.resourceId()
                                .toLowerCase(Locale.ROOT)
                                .equals(selector.resourceId().strip().toLowerCase(Locale.ROOT)))
                .findFirst();
        return match.orElseThrow(() -> new InvalidRequestException(
                ManagedIdentityTokenError.HOST_IDENTITY_NOT_FOUND,
                "Identity not found: no managed identity of this resource has " + describe(selector) + "."));
    }

    private static String describe(Selector selector) {
        if (selector.clientId() != null) {
            return "client id '" + selector.clientId() + "'";
        }
        if (selector.principalId() != null) {
            return "object (principal) id '" + selector.principalId() + "'";
        }
        return "resource id '" + selector.resourceId() + "'";
    }
}
