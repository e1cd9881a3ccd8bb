package dev.tenantry.subscriptions;

import java.util.UUID;

/**
 * Who pays for a subscription, as stored: the test payment card is kept only as its brand and last four digits, never
 * its number, expiry or security code.
 */
public record BillingProfile(
        UUID subscriptionId,
        String name,
        String email,
        String phone,
        String countryCode,
        String addressLine1,
        String city,
        String postalCode,
        String cardBrand,
        String cardLast4) {}
