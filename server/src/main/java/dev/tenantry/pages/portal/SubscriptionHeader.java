package dev.tenantry.pages.portal;

import dev.tenantry.subscriptions.CloudSubscription;
import java.util.List;

/** The heading of every page of one cloud subscription: its name, id and state, and its tabs with the current one. */
public record SubscriptionHeader(String id, String displayName, String state, List<Tab> tabs) {

    public SubscriptionHeader {
        tabs = List.copyOf(tabs);
    }

    /** One tab: its label, its page, and whether it is the page shown. */
    public record Tab(String label, String href, boolean current) {}

    public static SubscriptionHeader of(CloudSubscription subscription, SubscriptionTab current) {
        List<Tab> tabs = java.util.Arrays.stream(SubscriptionTab.values())
                .map(t -> new Tab(t.label(), t.href(subscription.id()), t == current))
                .toList();
        return new SubscriptionHeader(
                subscription.id().toString(),
                subscription.displayName(),
                subscription.state().armName(),
                tabs);
    }
}
