package dev.tenantry.subscriptions;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A resource group in a cloud subscription: the first thing people create in one. */
public record ResourceGroup(
        UUID subscriptionId, String name, String location, Map<String, String> tags, Instant createdAt) {

    public ResourceGroup {
        tags = Map.copyOf(tags);
    }
}
