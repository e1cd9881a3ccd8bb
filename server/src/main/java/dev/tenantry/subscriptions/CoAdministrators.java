package dev.tenantry.subscriptions;

import java.util.List;
import java.util.UUID;

/**
 * The co-administrators (classic administrators besides the account administrator) of cloud subscriptions, as far as
 * moving a subscription needs them (R11): who they are, for the confirmation page, and removing them all. The feature
 * that manages classic administrators provides it; until then a subscription has none.
 */
public interface CoAdministrators {

    /** The sign-in names of the subscription's co-administrators. */
    List<String> namesOf(UUID subscriptionId);

    /** Removes every co-administrator of the subscription, in the caller's transaction; returns how many. */
    int removeAll(UUID subscriptionId);

    /** No subscription has co-administrators. */
    static CoAdministrators none() {
        return new CoAdministrators() {
            @Override
            public List<String> namesOf(UUID subscriptionId) {
                return List.of();
            }

            @Override
            public int removeAll(UUID subscriptionId) {
                return 0;
            }
        };
    }
}
