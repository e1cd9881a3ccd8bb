package dev.tenantry.identity;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Microsoft's public clients that exist, pre-authorized, in every directory (Azure CLI, PowerShell, …). */
public final class FirstPartyClients {

    private static final Map<UUID, String> CLIENTS = Map.of(
            UUID.fromString("04b07795-8ddb-461a-bbee-02f9e1bf7b46"), "Microsoft Azure CLI",
            UUID.fromString("1950a258-227b-4e31-a9cf-717495945fc2"), "Microsoft Azure PowerShell",
            UUID.fromString("14d82eec-204b-4c2f-b7e8-296a70dab67e"), "Microsoft Graph Command Line Tools",
            UUID.fromString("de8bc8b5-d9f9-48b1-a8ad-b748da725064"), "Graph Explorer",
            UUID.fromString("aebc6443-996d-45c2-90f0-388ff96faa56"), "Visual Studio Code");

    private FirstPartyClients() {}

    /** The display name of the first-party client {@code clientId}, if it is one. */
    public static Optional<String> find(UUID clientId) {
        return Optional.ofNullable(CLIENTS.get(clientId));
    }

    public static boolean contains(UUID clientId) {
        return CLIENTS.containsKey(clientId);
    }
}
