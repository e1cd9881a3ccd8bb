package dev.tenantry.app;

import java.util.Map;

/**
 * The managed identity endpoint (issue 11): a plain-HTTP listener on {@code 127.0.0.1} that hands out tokens for the
 * managed identities of one compute host, as Azure's App Service identity endpoint and IMDS do for the code running
 * on that compute. Off unless configured ({@code --managed-identity-port}, {@code TENANTRY_MANAGED_IDENTITY_PORT},
 * {@code managed-identity-port:}).
 *
 * @param port the port to listen on; 0 picks a free one
 * @param resource the ARM id of the compute host it serves ({@code /subscriptions/…/providers/Tenantry.Compute/hosts/…})
 * @param header the App Service protocol's {@code X-IDENTITY-HEADER} secret; null makes the server generate one at start
 */
public record ManagedIdentityEndpoint(int port, String resource, String header) {

    public ManagedIdentityEndpoint {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("the managed identity port is 0 to 65535, not " + port);
        }
        if (resource == null || resource.isBlank()) {
            throw new IllegalArgumentException("the managed identity endpoint needs the resource id of the compute host"
                    + " it serves (--managed-identity-resource)");
        }
        resource = resource.strip();
        if (header != null && header.isBlank()) {
            header = null;
        }
        if (header != null && header.strip().length() < 16) {
            throw new IllegalArgumentException("the managed identity header secret must be at least 16 characters");
        }
    }

    /**
     * {@code TENANTRY_MANAGED_IDENTITY_PORT}, {@code _RESOURCE} and {@code _HEADER} over {@code base} (null when off);
     * the endpoint is on once a port is set.
     */
    static ManagedIdentityEndpoint fromEnv(Map<String, String> env, ManagedIdentityEndpoint base) {
        String port = env.get("TENANTRY_MANAGED_IDENTITY_PORT");
        String resource = env.get("TENANTRY_MANAGED_IDENTITY_RESOURCE");
        String header = env.get("TENANTRY_MANAGED_IDENTITY_HEADER");
        if (port == null && base == null) {
            return null;
        }
        try {
            return new ManagedIdentityEndpoint(
                    port != null ? Operations.number("TENANTRY_MANAGED_IDENTITY_PORT", port, 0, 65535) : base.port(),
                    resource != null ? resource : base == null ? null : base.resource(),
                    header != null ? header : base == null ? null : base.header());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("TENANTRY_* environment: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "ManagedIdentityEndpoint[port=" + port + ", resource=" + resource + ", header="
                + (header == null ? "generated" : "***") + "]";
    }
}
