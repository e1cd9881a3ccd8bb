package dev.tenantry.pages.store;

import dev.tenantry.pages.Chrome;

/** Model of store/landing.jte. */
public record LandingPage(Chrome chrome) {}
