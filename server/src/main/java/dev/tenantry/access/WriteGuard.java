package dev.tenantry.access;

/**
 * Whether a subscription accepts writes at all, whatever the caller's roles: a disabled (cancelled) subscription is
 * read-only until it is re-enabled, as ARM's {@code ReadOnlyDisabledSubscription} says. The subscriptions feature
 * answers it; {@link AccessService} asks before every write it allows.
 */
@FunctionalInterface
public interface WriteGuard {

    /** Refuses (with a {@code DomainException}) a write to the subscription of {@code scope} when it takes none. */
    void requireWritable(SubscriptionScope scope);

    /** Every subscription takes writes. */
    static WriteGuard none() {
        return scope -> {};
    }
}
