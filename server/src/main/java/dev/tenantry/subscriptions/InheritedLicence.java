package dev.tenantry.subscriptions;

import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.UserId;
import java.time.Instant;
import java.util.UUID;

/**
 * Issue 9: a group's licence as one member has it: active (holding a seat unless the member holds the SKU otherwise)
 * or in error, with Graph's {@code licenseAssignmentState.error}.
 */
public record InheritedLicence(
        TenantId tenantId, UserId userId, UUID groupId, UUID skuId, Failure error, Instant updatedAt) {

    /** Why a member could not get the group's licence, by Graph's names. */
    public enum Failure {
        COUNT_VIOLATION("CountViolation"),
        USAGE_LOCATION_VIOLATION("ProhibitedInUsageLocationViolation");

        private final String graphName;

        Failure(String graphName) {
            this.graphName = graphName;
        }

        public String graphName() {
            return graphName;
        }
    }

    public boolean active() {
        return error == null;
    }
}
