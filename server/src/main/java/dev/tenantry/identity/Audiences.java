package dev.tenantry.identity;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which token audiences belong to which protected resource: each resource's fixed identifiers, plus the server's own
 * origin. The origin is Microsoft Graph's resource id here (issue 12): the cloud metadata names it as
 * {@code microsoftGraphResourceId}, because the Azure CLI sends Graph calls to that very URL and asks for tokens for
 * it, so a token for {@code https://HOST/} carries the Graph permissions (app roles, {@code scp}). Resource Manager's
 * audiences stay Microsoft's own ({@code https://management.core.windows.net/} first, as the metadata lists them), so
 * the two never clash in a client; ARM also accepts a token for the origin, because the ARM SDKs ask for
 * {@code https://HOST/.default} when every endpoint of their environment points at this one server. The origin comes
 * from configuration (the public URL, else the bound address), never from a request, so no header can make a token
 * valid for another resource.
 */
public final class Audiences {

    private final Map<String, ProtectedResource> byAudience;
    private final Set<String> ownOrigin;

    /** @param ownOrigin the server's configured origin, such as {@code https://127.0.0.1:8443}; null for none */
    public Audiences(String ownOrigin) {
        Map<String, ProtectedResource> map = new HashMap<>();
        for (ProtectedResource resource : ProtectedResource.values()) {
            resource.fixedAudiences().forEach(aud -> map.put(key(aud), resource));
        }
        Set<String> own = new java.util.HashSet<>();
        if (ownOrigin != null && !ownOrigin.isBlank()) {
            String origin = ownOrigin.strip().replaceAll("/+$", "");
            own.add(key(origin));
            own.add(key(origin + "/"));
            own.forEach(aud -> map.put(aud, ProtectedResource.GRAPH));
        }
        this.byAudience = Map.copyOf(map);
        this.ownOrigin = Set.copyOf(own);
    }

    /** The resource an audience (or a scope's resource part) names, if it is one this server serves. */
    public Optional<ProtectedResource> resourceOf(String audience) {
        return audience == null ? Optional.empty() : Optional.ofNullable(byAudience.get(key(audience)));
    }

    /**
     * Whether a token whose {@code aud} is {@code audience} is valid on {@code resource}: one of its identifiers, or
     * the server's own origin (Graph's resource id here, and accepted by ARM too, see the class comment).
     */
    public boolean accepts(String audience, ProtectedResource resource) {
        if (audience == null) {
            return false;
        }
        return resourceOf(audience).filter(resource::equals).isPresent() || ownOrigin.contains(key(audience));
    }

    /** Every audience accepted for {@code resource}, for error messages. */
    public Set<String> of(ProtectedResource resource) {
        Set<String> accepted = byAudience.entrySet().stream()
                .filter(e -> e.getValue() == resource)
                .map(Map.Entry::getKey)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        accepted.addAll(ownOrigin);
        return accepted;
    }

    private static String key(String audience) {
        return audience.toLowerCase(Locale.ROOT);
    }
}
