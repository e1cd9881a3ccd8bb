package dev.tenantry.pages.portal;

import java.util.UUID;

/**
 * The tabs of one cloud subscription in the portal, in the order shown. Each page of a subscription renders them
 * through {@code portal/subscription-header.jte}; a new page adds its tab here.
 */
public enum SubscriptionTab {
    OVERVIEW("Overview", "");

    private final String label;
    private final String suffix;

    SubscriptionTab(String label, String suffix) {
        this.label = label;
        this.suffix = suffix;
    }

    public String label() {
        return label;
    }

    /** The tab's page for one subscription, under {@code /portal/subscriptions/{id}}. */
    public String href(UUID subscriptionId) {
        return SubscriptionViews.PATH + "/" + subscriptionId + suffix;
    }

    /** The route pattern of the tab's page, for registering it. */
    String route() {
        return SubscriptionViews.PATH + "/{id}" + suffix;
    }
}
