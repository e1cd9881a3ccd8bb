package dev.tenantry.subscriptions;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** A resource group in a cloud subscription: the first thing people create in one. */
public record ResourceGroup(
        UUID subscriptionId, String name, String location, Map<String, String> tags, Instant createdAt) {

    public ResourceGroup {
        tags = Map.copyOf(tags);
    }

    /** The key a group is found by: its name lower-cased, as ARM compares resource group names. */
    public static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
