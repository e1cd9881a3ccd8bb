package dev.tenantry.pages.store;

import dev.tenantry.pages.Chrome;

/** Model of store/cloudDone.jte: the confirmation of a new cloud subscription. */
public record CloudDonePage(Chrome chrome, String subscriptionName, String subscriptionId, String offerName) {}
