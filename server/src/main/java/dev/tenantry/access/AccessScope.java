package dev.tenantry.access;

import dev.tenantry.shared.TenantId;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a role applies, as ARM scopes it: a cloud subscription or one of its resource groups. A role held at a scope
 * applies at every scope below it (a subscription's role in each of its resource groups), never above.
 */
public sealed interface AccessScope permits SubscriptionScope, ResourceGroupScope {

    TenantId tenantId();

    UUID subscriptionId();

    /** The ARM scope string: {@code /subscriptions/{id}} or {@code /subscriptions/{id}/resourceGroups/{name}}. */
    String path();

    /** The subscription this scope is in (itself at subscription scope). */
    SubscriptionScope subscription();

    /** The resource group's name, empty at subscription scope. */
    Optional<String> resourceGroupName();

    /** Whether an assignment made at {@code assignment}'s scope applies here: at this scope or above it. */
    default boolean inheritsFrom(RoleAssignment assignment) {
        return assignment.subscriptionId().equals(subscriptionId())
                && (assignment.resourceGroup() == null
                        || resourceGroupName()
                                .map(name -> name.equalsIgnoreCase(assignment.resourceGroup()))
                                .orElse(false));
    }

    /** Whether {@code assignment} was made at this scope or below it. */
    default boolean contains(RoleAssignment assignment) {
        return assignment.subscriptionId().equals(subscriptionId())
                && resourceGroupName()
                        .map(name -> name.equalsIgnoreCase(assignment.resourceGroup()))
                        .orElse(true);
    }

    /** Whether {@code assignment} was made exactly at this scope. */
    default boolean isScopeOf(RoleAssignment assignment) {
        return inheritsFrom(assignment) && contains(assignment);
    }
}
