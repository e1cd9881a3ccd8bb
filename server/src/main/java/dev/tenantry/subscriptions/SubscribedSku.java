package dev.tenantry.subscriptions;

import java.util.List;
import java.util.UUID;

/**
 * What a directory holds of one SKU across its suite subscriptions, as Graph's {@code subscribedSkus} and the admin
 * center's licence pages show it: the seats by state added up, the best state, and the seats consumed.
 */
public record SubscribedSku(
        UUID skuId,
        String skuPartNumber,
        SuiteSubscription.State capabilityStatus,
        int enabledUnits,
        int suspendedUnits,
        int warningUnits,
        int consumedUnits,
        List<ServicePlan> servicePlans,
        List<UUID> subscriptionIds) {

    public SubscribedSku {
        servicePlans = List.copyOf(servicePlans);
        subscriptionIds = List.copyOf(subscriptionIds);
    }

    /** The SKU's standing over {@code group}, its subscriptions not deleted, with {@code consumed} licences held. */
    static SubscribedSku of(List<SuiteSubscription> group, Catalog catalog, int consumed) {
        SuiteSubscription first = group.get(0);
        return new SubscribedSku(
                first.skuId(),
                first.skuPartNumber(),
                standingOf(group),
                group.stream().mapToInt(SuiteSubscription::seatsEnabled).sum(),
                group.stream().mapToInt(SuiteSubscription::seatsSuspended).sum(),
                group.stream().mapToInt(SuiteSubscription::seatsWarning).sum(),
                consumed,
                catalog.skuById(first.skuId()).map(Sku::servicePlans).orElse(List.of()),
                group.stream().map(SuiteSubscription::id).toList());
    }

    /** The standing of a SKU over its subscriptions: enabled while any of them is, otherwise the best state left. */
    static SuiteSubscription.State standingOf(List<SuiteSubscription> group) {
        return group.stream()
                .map(SuiteSubscription::state)
                .min(Enum::compareTo)
                .orElse(SuiteSubscription.State.DELETED);
    }

    /** Whether the users licensed for this SKU have its service plans: not once all its subscriptions are suspended. */
    public boolean plansWork() {
        return capabilityStatus == SuiteSubscription.State.ENABLED
                || capabilityStatus == SuiteSubscription.State.WARNING;
    }
}
