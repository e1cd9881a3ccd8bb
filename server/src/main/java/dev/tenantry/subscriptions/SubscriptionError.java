package dev.tenantry.subscriptions;

import dev.tenantry.shared.ErrorCode;

/** The stable error codes of subscriptions, orders and resource groups. */
public enum SubscriptionError implements ErrorCode {
    USER_REQUIRED(Kind.ACCESS_DENIED),
    INVALID_BILLING_PROFILE(Kind.INVALID_REQUEST),
    INVALID_RESOURCE_GROUP_NAME(Kind.INVALID_REQUEST),
    INVALID_SEATS(Kind.INVALID_REQUEST),
    INVALID_TAGS(Kind.INVALID_REQUEST),
    /** R13: a licence of a SKU the directory holds no subscription of (Graph answers 400). */
    LICENSE_NOT_OWNED(Kind.INVALID_REQUEST),
    /** R13: every enabled seat of the SKU is assigned (Graph answers 400). */
    NO_AVAILABLE_LICENSES(Kind.INVALID_REQUEST),
    /** A disabled plan that is not one of the SKU's service plans. */
    UNKNOWN_SERVICE_PLAN(Kind.INVALID_REQUEST),
    /** R13: a licence for a user without a usage location (Graph answers 400). */
    USAGE_LOCATION_REQUIRED(Kind.INVALID_REQUEST),
    LOCATION_IMMUTABLE(Kind.INVALID_REQUEST),
    LOCATION_REQUIRED(Kind.INVALID_REQUEST),
    OPENAPI_MISSING(Kind.INVALID_REQUEST),
    UNKNOWN_OFFER(Kind.INVALID_REQUEST),
    UNKNOWN_SKU(Kind.INVALID_REQUEST),
    RESOURCE_GROUP_NOT_FOUND(Kind.NOT_FOUND),
    OFFER_NOT_SELF_SERVICE(Kind.RULE_VIOLATION);

    private final Kind kind;

    SubscriptionError(Kind kind) {
        this.kind = kind;
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
