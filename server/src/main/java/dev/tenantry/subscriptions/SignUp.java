package dev.tenantry.subscriptions;

import dev.tenantry.directory.NewUser;

/**
 * A sign-up with no account (R8): the organisation to create, its first admin, and the product, a cloud offer id or
 * a suite SKU part number.
 */
public record SignUp(
        String organization,
        String domainPrefix,
        String countryCode,
        NewUser admin,
        String product,
        Integer seats,
        BillingDetails billingProfile) {}
