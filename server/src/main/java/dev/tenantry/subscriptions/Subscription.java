package dev.tenantry.subscriptions;

import dev.tenantry.shared.TenantId;
import java.util.UUID;

/** Either family of subscription; both live under exactly one directory (R1). */
public sealed interface Subscription permits CloudSubscription, SuiteSubscription {

    UUID id();

    TenantId tenantId();
}
