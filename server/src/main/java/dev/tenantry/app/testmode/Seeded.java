package dev.tenantry.app.testmode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What a seed made, with the ids the server gave it and the secrets only this load knows: what a test needs to sign in
 * as a seeded user or app. Names are the seed file's.
 */
public record Seeded(List<SeededTenant> tenants) {

    public Seeded {
        tenants = List.copyOf(tenants);
    }

    /** The directory named {@code name} in the seed file. */
    public Optional<SeededTenant> tenant(String name) {
        return tenants.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public record SeededTenant(
            String name,
            String tenantId,
            String domain,
            Map<String, SeededUser> users,
            Map<String, SeededApp> apps,
            Map<String, String> groups,
            Map<String, String> cloudSubscriptions) {

        public SeededTenant {
            users = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(users));
            apps = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(apps));
            groups = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(groups));
            cloudSubscriptions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(cloudSubscriptions));
        }
    }

    /** A seeded user: its object id, its sign-in name and the password the seed gave it. */
    public record SeededUser(String userName, UUID objectId, String userPrincipalName, String password) {

        @Override
        public String toString() {
            return "SeededUser[" + userPrincipalName + ", " + objectId + "]";
        }
    }

    /** A seeded app registration: client id, application and service principal object ids, its client secret. */
    public record SeededApp(String name, UUID appId, UUID objectId, UUID servicePrincipalId, String secret) {

        @Override
        public String toString() {
            return "SeededApp[" + name + ", appId=" + appId + "]";
        }
    }
}
