package dev.tenantry.directory.apps;

import dev.tenantry.shared.GenerationCache;
import dev.tenantry.shared.TenantId;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * The lifetime of a token an application's policy governs (issue 11), by Entra's precedence for configurable token
 * lifetimes: the policy assigned to the application, else the directory's organization default, else the built-in
 * lifetime. For an access token the application is the RESOURCE (a registered API; Graph and ARM are first-party and
 * keep the built-in lifetime, so callers ask only for an API), for an ID token it is the CLIENT (its audience); an
 * application that is not a registration of the directory (a first-party client) keeps the built-in lifetime. Read on
 * every token, so it goes through the token path's {@link GenerationCache}; every policy write bumps the generation
 * (the repository is wrapped by {@code GenerationBumping}).
 */
public final class TokenLifetimes {

    private record Key(TenantId tenantId, UUID appId) {}

    private final TokenLifetimePolicyRepository policies;
    private final ApplicationRepository applications;
    private final GenerationCache cache;
    private final Duration builtIn;

    public TokenLifetimes(
            TokenLifetimePolicyRepository policies,
            ApplicationRepository applications,
            GenerationCache cache,
            Duration builtIn) {
        this.policies = policies;
        this.applications = applications;
        this.cache = cache;
        this.builtIn = builtIn;
    }

    /** The lifetime of a token directory {@code tenantId} issues that the application {@code appId} governs. */
    public Duration of(TenantId tenantId, UUID appId) {
        return cache.get(new Key(tenantId, appId), () -> load(tenantId, appId));
    }

    private Duration load(TenantId tenantId, UUID appId) {
        Optional<Application> registration = applications.findByAppId(appId).filter(app -> app.tenantId()
                .equals(tenantId)); // R14: only the directory's own registration
        if (registration.isEmpty()) {
            return builtIn; // a first-party client (Azure CLI…) is no registration of the directory: no policy
        }
        return policies.findAssigned(tenantId, registration.get().id())
                .or(() -> policies.findOrganizationDefault(tenantId))
                .map(TokenLifetimePolicy::accessTokenLifetime)
                .orElse(builtIn);
    }
}
