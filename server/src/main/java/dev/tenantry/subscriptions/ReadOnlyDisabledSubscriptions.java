package dev.tenantry.subscriptions;

import dev.tenantry.access.SubscriptionScope;
import dev.tenantry.access.WriteGuard;
import dev.tenantry.shared.ConflictException;

/** A disabled (cancelled) cloud subscription takes no writes until it is re-enabled; reads still work. */
public final class ReadOnlyDisabledSubscriptions implements WriteGuard {

    private final CloudSubscriptionRepository clouds;

    public ReadOnlyDisabledSubscriptions(CloudSubscriptionRepository clouds) {
        this.clouds = clouds;
    }

    @Override
    public void requireWritable(SubscriptionScope scope) {
        clouds.findById(scope.subscriptionId())
                .filter(s -> s.state() == CloudSubscription.State.DISABLED)
                .ifPresent(s -> {
                    throw disabled(s);
                });
    }

    /** ARM's refusal of a write to a disabled subscription, with the way out. */
    static ConflictException disabled(CloudSubscription subscription) {
        return new ConflictException(
                SubscriptionError.SUBSCRIPTION_DISABLED,
                "The subscription '" + subscription.id() + "' is disabled and therefore marked as read only. You cannot"
                        + " perform any write actions on this subscription until it is re-enabled (POST /subscriptions/"
                        + subscription.id() + "/providers/Microsoft.Subscription/enable).");
    }
}
