package dev.tenantry.pages.admincenter;

import dev.tenantry.subscriptions.LicencePath;
import dev.tenantry.subscriptions.LicenceService.AddLicence;
import dev.tenantry.subscriptions.ServicePlan;
import dev.tenantry.subscriptions.SubscribedSku;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The "Licenses and apps" form of a user (issue 9): the usage location, the products checked ({@link #LICENCE}, one per
 * SKU id) and, for each product whose plans were on the form ({@link #PLANS_SHOWN}), its plans checked
 * ({@link #PLAN} and the SKU id). A product posted without its plans gets them all, as a new licence in Graph does.
 */
record UserLicencesForm(String usageLocation, Set<String> licences, Map<String, Set<String>> enabledPlans) {

    static final String LICENCE = "licence";
    static final String PLANS_SHOWN = "plansShown";
    static final String PLAN = "plan-";
    static final String USAGE_LOCATION = "usageLocation";

    UserLicencesForm {
        licences = Set.copyOf(licences);
        enabledPlans = Map.copyOf(enabledPlans);
    }

    /** The form as posted. */
    static UserLicencesForm posted(Context ctx) {
        Map<String, Set<String>> plans = new HashMap<>();
        for (String skuId : ctx.formParams(PLANS_SHOWN)) {
            plans.put(skuId, Set.copyOf(ctx.formParams(PLAN + skuId)));
        }
        String location = ctx.formParam(USAGE_LOCATION);
        return new UserLicencesForm(
                location == null || location.isBlank() ? null : location.strip(),
                Set.copyOf(ctx.formParams(LICENCE)),
                plans);
    }

    /** The form as the user's direct licences fill it: each with the plans its licence leaves on. */
    static UserLicencesForm current(String usageLocation, List<LicencePath> paths, List<SubscribedSku> products) {
        Map<String, Set<String>> plans = new HashMap<>();
        List<LicencePath> direct = paths.stream().filter(LicencePath::direct).toList();
        for (LicencePath path : direct) {
            products.stream()
                    .filter(p -> p.skuId().equals(path.skuId()))
                    .findFirst()
                    .ifPresent(product -> plans.put(
                            path.skuId().toString(),
                            product.servicePlans().stream()
                                    .map(ServicePlan::id)
                                    .filter(id -> !path.disabledPlans().contains(id))
                                    .map(UUID::toString)
                                    .collect(Collectors.toSet())));
        }
        return new UserLicencesForm(
                usageLocation, direct.stream().map(p -> p.skuId().toString()).collect(Collectors.toSet()), plans);
    }

    boolean assigned(SubscribedSku product) {
        return licences.contains(product.skuId().toString());
    }

    boolean enabled(SubscribedSku product, ServicePlan plan) {
        Set<String> on = enabledPlans.get(product.skuId().toString());
        return on == null || on.contains(plan.id().toString());
    }

    /** The plans of {@code product} this form turns off. */
    List<String> disabledPlans(SubscribedSku product) {
        return product.servicePlans().stream()
                .filter(plan -> !enabled(product, plan))
                .map(plan -> plan.id().toString())
                .toList();
    }

    /**
     * What saving this form changes against the user's licences {@code now}: the products checked that are new or
     * whose plans changed, and the products assigned directly that were unchecked. Products not of the directory
     * are left alone.
     */
    Change changeFrom(UserLicencesForm now, List<SubscribedSku> products) {
        List<AddLicence> add = products.stream()
                .filter(this::assigned)
                .filter(p -> !now.assigned(p) || !now.disabledPlans(p).equals(disabledPlans(p)))
                .map(p -> new AddLicence(p.skuId().toString(), disabledPlans(p)))
                .toList();
        List<String> remove = products.stream()
                .filter(p -> now.assigned(p) && !assigned(p))
                .map(p -> p.skuId().toString())
                .toList();
        return new Change(add, remove);
    }

    /** The additions and removals of one assignLicense call. */
    record Change(List<AddLicence> add, List<String> remove) {

        boolean none() {
            return add.isEmpty() && remove.isEmpty();
        }

        boolean adds(SubscribedSku product) {
            return add.stream().anyMatch(a -> a.skuId().equals(product.skuId().toString()));
        }
    }
}
