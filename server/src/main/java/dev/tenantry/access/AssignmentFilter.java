package dev.tenantry.access;

import java.util.UUID;

/**
 * Which role assignments a list at a scope returns, as ARM's {@code $filter} on role assignments says it: all that
 * apply at, above or below the scope ({@link #all()}); {@code atScope()}: at or above it only; {@code principalId eq}:
 * one principal's own; {@code assignedTo()}: a principal's own and its groups' (nested ones too).
 */
public record AssignmentFilter(boolean atScope, UUID principalId, UUID assignedTo) {

    public AssignmentFilter {
        if (principalId != null && assignedTo != null) {
            throw new IllegalArgumentException("principalId and assignedTo do not combine");
        }
    }

    /** No filter: at, above and below the scope. */
    public static AssignmentFilter all() {
        return new AssignmentFilter(false, null, null);
    }
}
