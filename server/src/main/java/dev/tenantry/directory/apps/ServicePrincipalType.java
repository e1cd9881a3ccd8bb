package dev.tenantry.directory.apps;

import java.util.Arrays;

/** Graph's {@code servicePrincipalType}: an application's service principal, or a managed identity's (issue 11). */
public enum ServicePrincipalType {
    APPLICATION("Application"),
    MANAGED_IDENTITY("ManagedIdentity");

    private final String graphName;

    ServicePrincipalType(String graphName) {
        this.graphName = graphName;
    }

    /** The value Graph shows, and the one stored. */
    public String graphName() {
        return graphName;
    }

    public static ServicePrincipalType ofGraphName(String name) {
        return Arrays.stream(values())
                .filter(type -> type.graphName.equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown service principal type " + name));
    }
}
