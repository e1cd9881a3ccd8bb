package dev.tenantry.identity;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which token audiences belong to which protected resource: each resource's fixed identifiers, plus the server's own
 * origin as an alias of Azure Resource Manager (the ARM SDK asks for {@code https://HOST/.default} when every endpoint
 * of its environment points at Tenantry). The origin comes from configuration (the public URL, else the bound
 * address), never from a request, so no header can make a token valid for another resource.
 */
public final class Audiences {

    private final Map<String, ProtectedResource> byAudience;

    /** @param ownOrigin the server's configured origin, such as {@code https://127.0.0.1:8443}; null for none */
    public Audiences(String ownOrigin) {
        Map<String, ProtectedResource> map = new HashMap<>();
        for (ProtectedResource resource : ProtectedResource.values()) {
            resource.fixedAudiences().forEach(aud -> map.put(key(aud), resource));
        }
        if (ownOrigin != null && !ownOrigin.isBlank()) {
            String origin = ownOrigin.strip().replaceAll("/+$", "");
            map.put(key(origin), ProtectedResource.MANAGEMENT);
            map.put(key(origin + "/"), ProtectedResource.MANAGEMENT);
        }
        this.byAudience = Map.copyOf(map);
    }

    /** The resource an audience (or a scope's resource part) names, if it is one this server serves. */
    public Optional<ProtectedResource> resourceOf(String audience) {
        return audience == null ? Optional.empty() : Optional.ofNullable(byAudience.get(key(audience)));
    }

    /** Every audience accepted for {@code resource}, for error messages. */
    public Set<String> of(ProtectedResource resource) {
        return byAudience.entrySet().stream()
                .filter(e -> e.getValue() == resource)
                .map(Map.Entry::getKey)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    private static String key(String audience) {
        return audience.toLowerCase(Locale.ROOT);
    }
}
