package dev.tenantry.pages.portal;

import dev.tenantry.pages.Chrome;
import dev.tenantry.pages.ConsoleNav;

/** Model of portal/subscription.jte: one cloud subscription's overview. */
public record PortalSubscriptionPage(
        Chrome chrome, ConsoleNav nav, SubscriptionHeader header, PortalSubscriptionsPage.Row subscription) {}
