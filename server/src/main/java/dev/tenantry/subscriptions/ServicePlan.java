package dev.tenantry.subscriptions;

import java.util.UUID;

/** One service a suite SKU includes, such as {@code EXCHANGE_S_ENTERPRISE}. */
public record ServicePlan(UUID id, String name, String service) {}
