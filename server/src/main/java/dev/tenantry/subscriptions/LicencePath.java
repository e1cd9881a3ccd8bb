package dev.tenantry.subscriptions;

import dev.tenantry.directory.Group;
import dev.tenantry.directory.User;
import java.util.List;
import java.util.UUID;

/**
 * Issue 9: one way a user holds a licence, as the consoles show it: directly ({@code group} null) or through a group,
 * active or with the reason it is not ({@code error}, Graph's {@code licenseAssignmentState.error}).
 */
public record LicencePath(
        User user, UUID skuId, List<UUID> disabledPlans, Group group, InheritedLicence.Failure error) {

    public LicencePath {
        disabledPlans = List.copyOf(disabledPlans);
    }

    /** Assigned to the user itself: removable on the user, not through a group. */
    public boolean direct() {
        return group == null;
    }

    public boolean active() {
        return error == null;
    }
}
