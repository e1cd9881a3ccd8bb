package dev.tenantry.junit;

/**
 * Whether the extension serves on port 443, which gives port-less URLs ({@code https://localhost/…}): MSAL's token
 * cache keys its entries by a port-less authority, so silent calls (cached tokens, refresh) only hit with one. Binding
 * 443 needs root or the {@code CAP_NET_BIND_SERVICE} capability
 * ({@code sudo setcap cap_net_bind_service=+ep $JAVA_HOME/bin/java}).
 */
public enum Port443 {
    /** 443 when this process may bind it and nothing else holds it; a free port otherwise. The default. */
    WHEN_POSSIBLE,
    /** 443 or fail: the start says why 443 could not be bound and how to allow it. */
    REQUIRED,
    /** Never 443: always a free port. */
    FORBIDDEN
}
