package dev.tenantry.subscriptions;

import dev.tenantry.shared.ErrorCode;

/** The stable error codes of subscriptions, orders and resource groups. */
public enum SubscriptionError implements ErrorCode {
    USER_REQUIRED(Kind.ACCESS_DENIED),
    /** R11: only the account administrator moves a subscription to another directory. */
    ACCOUNT_ADMINISTRATOR_REQUIRED(Kind.ACCESS_DENIED),
    /** R11: the target of a move is the directory the subscription is in already. */
    SAME_DIRECTORY(Kind.RULE_VIOLATION),
    /** R11: the caller is not a user of the target directory (or there is none: the two are not told apart). */
    NOT_A_USER_OF_TARGET_DIRECTORY(Kind.RULE_VIOLATION),
    /** R11, R12: a subscription of an enterprise agreement changes directory through its agreement only. */
    ENTERPRISE_SUBSCRIPTION_NOT_MOVABLE(Kind.RULE_VIOLATION),
    /** A support request whose input is not valid; the message names the field and what it takes. */
    INVALID_SUPPORT_TICKET(Kind.INVALID_REQUEST),
    SUPPORT_TICKET_NOT_FOUND(Kind.NOT_FOUND),
    /** A support request's name is taken in the subscription. */
    SUPPORT_TICKET_EXISTS(Kind.CONFLICT),
    /** A disabled (cancelled) cloud subscription is read-only until re-enabled (ARM's ReadOnlyDisabledSubscription). */
    SUBSCRIPTION_DISABLED(Kind.CONFLICT),
    INVALID_BILLING_PROFILE(Kind.INVALID_REQUEST),
    INVALID_RESOURCE_GROUP_NAME(Kind.INVALID_REQUEST),
    INVALID_SEATS(Kind.INVALID_REQUEST),
    /** A seat change that is not exactly one of {@code add} or {@code remove}, a whole number from 1. */
    INVALID_SEAT_CHANGE(Kind.INVALID_REQUEST),
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
    OFFER_NOT_SELF_SERVICE(Kind.RULE_VIOLATION),
    /** Removing seats would leave fewer than the licences assigned: unassign some first. */
    SEATS_IN_USE(Kind.RULE_VIOLATION),
    /** Converting a trial needs a billing profile in the directory. */
    BILLING_PROFILE_REQUIRED(Kind.RULE_VIOLATION),
    /** An ended trial comes back by converting it to paid, not by reactivating it. */
    TRIAL_ENDED(Kind.RULE_VIOLATION),
    /** Seats change, and a subscription is cancelled, only while it is enabled. */
    SUBSCRIPTION_NOT_ENABLED(Kind.CONFLICT),
    /** Cancelling a subscription that is suspended (cancelled) already. */
    SUBSCRIPTION_SUSPENDED(Kind.CONFLICT),
    /** Reactivating a subscription that is enabled already. */
    SUBSCRIPTION_ALREADY_ENABLED(Kind.CONFLICT),
    /** A deleted subscription cannot change any more. */
    SUBSCRIPTION_DELETED(Kind.CONFLICT),
    /** Converting a subscription that is paid already. */
    NOT_A_TRIAL(Kind.CONFLICT),
    /** Issue 10: a classic administrator or transfer recipient who is not a user of the subscription's directory. */
    NOT_A_DIRECTORY_USER(Kind.RULE_VIOLATION),
    /** Issue 10: a classic administrator or transfer recipient whose account is disabled. */
    USER_DISABLED(Kind.RULE_VIOLATION),
    /** Issue 10 (R4): only the account administrator changes the service administrator or transfers ownership. */
    NOT_ACCOUNT_ADMINISTRATOR(Kind.ACCESS_DENIED),
    /** Issue 10: only the account or service administrator adds and removes co-administrators. */
    NOT_SUBSCRIPTION_ADMINISTRATOR(Kind.ACCESS_DENIED),
    /** Issue 10 (R4): the account administrator's classic role goes only by transferring billing ownership. */
    ACCOUNT_ADMINISTRATOR_ROLE_FIXED(Kind.RULE_VIOLATION),
    /** Issue 10: the service administrator's role goes only by choosing another service administrator. */
    SERVICE_ADMINISTRATOR_ROLE_FIXED(Kind.RULE_VIOLATION),
    /** Issue 10: the user already holds the classic role asked for, or a higher one. */
    ALREADY_ADMINISTRATOR(Kind.CONFLICT),
    /** Issue 10: removing a co-administrator the subscription does not have. */
    NOT_A_CO_ADMINISTRATOR(Kind.NOT_FOUND),
    /** Issue 10 (R4): a subscription has at most one pending billing ownership transfer. */
    TRANSFER_PENDING(Kind.CONFLICT),
    /** Issue 10 (R4): no such transfer, or not one the caller may see. */
    TRANSFER_NOT_FOUND(Kind.NOT_FOUND),
    /** Issue 10 (R4): the transfer was accepted, cancelled or expired already. */
    TRANSFER_NOT_PENDING(Kind.CONFLICT);

    private final Kind kind;

    SubscriptionError(Kind kind) {
        this.kind = kind;
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
