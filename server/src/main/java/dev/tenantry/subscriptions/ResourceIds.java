package dev.tenantry.subscriptions;

import dev.tenantry.shared.Ids;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Reads ARM resource ids of the form {@code /subscriptions/{id}/resourceGroups/{group}/providers/{type}/{name}}. */
final class ResourceIds {

    private ResourceIds() {}

    /** The parts of an id of a resource of {@code type}; segment names and the type compare case-insensitively. */
    static Optional<Parsed> parse(String resourceId, String type) {
        if (resourceId == null) {
            return Optional.empty();
        }
        String[] parts = resourceId.strip().split("/", -1);
        String[] typeParts = type.split("/", -1);
        if (parts.length != 8 + typeParts.length - 1
                || !parts[0].isEmpty()
                || !parts[1].equalsIgnoreCase("subscriptions")
                || !parts[3].equalsIgnoreCase("resourceGroups")
                || !parts[5].equalsIgnoreCase("providers")) {
            return Optional.empty();
        }
        for (int i = 0; i < typeParts.length; i++) {
            if (!parts[6 + i].toLowerCase(Locale.ROOT).equals(typeParts[i].toLowerCase(Locale.ROOT))) {
                return Optional.empty();
            }
        }
        String name = parts[parts.length - 1];
        Optional<UUID> subscription = Ids.tryParse(parts[2]);
        if (subscription.isEmpty() || parts[4].isEmpty() || name.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Parsed(subscription.get(), parts[4], name));
    }

    /** A resource's subscription, resource group and name. */
    record Parsed(UUID subscriptionId, String resourceGroup, String name) {}
}
