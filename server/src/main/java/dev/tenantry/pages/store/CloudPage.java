package dev.tenantry.pages.store;

import dev.tenantry.pages.Chrome;

/** Model of store/cloud.jte and store/cloudStart.jte: the free cloud offer and how to start it. */
public record CloudPage(Chrome chrome, String offerName, String signInUrl) {}
