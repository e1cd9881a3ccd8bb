package dev.tenantry.identity;

import dev.tenantry.shared.AuthenticationException;
import dev.tenantry.shared.InvalidRequestException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * The {@code scope} of a token request split into the OpenID Connect scopes and the scopes of one resource, whose
 * identifier becomes the access token's audience ({@code https://graph.microsoft.com/.default} → Graph,
 * {@code https://management.core.windows.net//.default} → ARM).
 */
public record RequestedScopes(String raw, Set<String> oidc, String resource, List<String> names) {

    public static final String GRAPH = "https://graph.microsoft.com";
    public static final String ARM = "https://management.core.windows.net/";

    private static final Set<String> OIDC = Set.of("openid", "profile", "offline_access", "email");
    private static final String GRAPH_APP_ID = "00000003-0000-0000-c000-000000000000";
    private static final String ARM_APP_ID = "797f4846-ba00-4fd7-ba43-dac1f8f63013";

    public RequestedScopes {
        oidc = Set.copyOf(oidc);
        names = List.copyOf(names);
    }

    /** Parses a space-separated scope; no resource scope means Microsoft Graph, as in Entra. */
    public static RequestedScopes parse(String scope) {
        String raw = scope == null ? "" : scope.strip();
        Set<String> oidc = new LinkedHashSet<>();
        Set<String> resources = new LinkedHashSet<>();
        List<String> names = new ArrayList<>();
        for (String item : raw.isEmpty() ? new String[0] : raw.split("\\s+")) {
            if (OIDC.contains(item.toLowerCase(Locale.ROOT))) {
                oidc.add(item.toLowerCase(Locale.ROOT));
                continue;
            }
            int slash = item.lastIndexOf('/');
            if (slash < 0) {
                resources.add(GRAPH);
                names.add(item);
            } else {
                resources.add(normalize(item.substring(0, slash)));
                names.add(item.substring(slash + 1));
            }
        }
        if (resources.size() > 1) {
            throw new InvalidRequestException(
                    IdentityError.INVALID_SCOPE,
                    "The provided value for the input parameter 'scope' is not valid: the scopes requested are for "
                            + "more than one resource (" + String.join(", ", resources) + "). Ask for one at a time.");
        }
        String resource = resources.isEmpty() ? GRAPH : resources.iterator().next();
        return new RequestedScopes(raw, oidc, resource, names);
    }

    private static String normalize(String resource) {
        String lower = resource.toLowerCase(Locale.ROOT);
        if (lower.equals(GRAPH_APP_ID) || lower.equals(GRAPH) || lower.equals(GRAPH + "/")) {
            return GRAPH;
        }
        if (lower.equals(ARM_APP_ID) || lower.equals(ARM) || lower.equals("https://management.core.windows.net")) {
            return ARM;
        }
        return resource;
    }

    public boolean openid() {
        return oidc.contains("openid");
    }

    public boolean offlineAccess() {
        return oidc.contains("offline_access");
    }

    /** Whether only {@code <resource>/.default} was asked for, as client credentials require. */
    public boolean isDefault() {
        return names.size() == 1 && names.get(0).equals(".default");
    }

    /**
     * The delegated scopes to issue on {@code resource} for {@code clientId}: every pre-authorized scope for
     * {@code .default} (or no named scope), else the named ones, each of which must be pre-authorized; a scope the
     * client was never granted is refused as Entra refuses it (AADSTS65001), never issued.
     */
    public String delegatedScopes(ProtectedResource resource, UUID clientId) {
        return delegatedScopes(resource, clientId, List.of());
    }

    /**
     * As {@link #delegatedScopes(ProtectedResource, UUID)}, with the Microsoft Graph permissions the user consented to
     * (issue 11) counted as granted too.
     */
    public String delegatedScopes(ProtectedResource resource, UUID clientId, List<String> consented) {
        List<String> granted = granted(resource, clientId, consented);
        if (names.isEmpty() || names.contains(".default")) {
            return String.join(" ", granted);
        }
        List<String> issued = new ArrayList<>();
        for (String name : names) {
            String match = granted.stream()
                    .filter(g -> g.equalsIgnoreCase(name))
                    .findFirst()
                    .orElseThrow(() -> new AuthenticationException(
                            IdentityError.CONSENT_REQUIRED,
                            "The user or administrator has not consented to use the application with ID '" + clientId
                                    + "' for the permission '" + name + "' on '" + resource.identifier()
                                    + "'. Permissions this client may request without consent: "
                                    + String.join(", ", granted) + "."));
            if (!issued.contains(match)) {
                issued.add(match);
            }
        }
        return String.join(" ", issued);
    }

    /** The named scopes that are neither pre-authorized nor consented: what a consent page must ask for. */
    public List<String> ungranted(ProtectedResource resource, UUID clientId, List<String> consented) {
        List<String> granted = granted(resource, clientId, consented);
        return names.stream()
                .filter(name -> !name.equals(".default"))
                .filter(name -> granted.stream().noneMatch(g -> g.equalsIgnoreCase(name)))
                .distinct()
                .toList();
    }

    private static List<String> granted(ProtectedResource resource, UUID clientId, List<String> consented) {
        List<String> granted = new ArrayList<>(resource.preAuthorizedScopes(clientId));
        if (resource == ProtectedResource.GRAPH) {
            for (String name : consented) {
                if (!OIDC.contains(name.toLowerCase(Locale.ROOT))
                        && granted.stream().noneMatch(g -> g.equalsIgnoreCase(name))) {
                    granted.add(name);
                }
            }
        }
        return granted;
    }
}
