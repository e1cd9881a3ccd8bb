package dev.tenantry.subscriptions.http;

import dev.tenantry.directory.Tenant;
import dev.tenantry.subscriptions.Catalog;
import dev.tenantry.subscriptions.CloudSubscription;
import dev.tenantry.subscriptions.SignUpResult;
import dev.tenantry.subscriptions.Subscription;
import dev.tenantry.subscriptions.SuiteSubscription;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The commerce API's answers, shaped as EXPECTATIONS.md shows them. */
final class CommerceViews {

    private CommerceViews() {}

    record Availability(String domain, boolean available) {}

    record AdminView(String id, String userPrincipalName, String displayName) {}

    record SignUpView(String tenantId, String initialDomain, AdminView admin, Map<String, Object> subscription) {}

    record TenantView(
            String tenantId, String displayName, String countryCode, String initialDomain, String createdAt) {}

    static SignUpView signUp(SignUpResult result) {
        return new SignUpView(
                result.tenant().id().toString(),
                result.tenant().initialDomain(),
                new AdminView(
                        result.admin().id().toString(),
                        result.admin().userPrincipalName(),
                        result.admin().displayName()),
                subscription(result.subscription()));
    }

    static TenantView tenant(Tenant tenant) {
        return new TenantView(
                tenant.id().toString(),
                tenant.displayName(),
                tenant.countryCode(),
                tenant.initialDomain(),
                tenant.createdAt().toString());
    }

    static Map<String, Object> subscription(Subscription subscription) {
        Map<String, Object> view = new LinkedHashMap<>();
        switch (subscription) {
            case CloudSubscription cloud -> {
                view.put("id", "/subscriptions/" + cloud.id());
                view.put("subscriptionId", cloud.id().toString());
                view.put("family", "cloud");
                view.put("tenantId", cloud.tenantId().toString());
                view.put("offerId", cloud.offerId());
                view.put("displayName", cloud.displayName());
                view.put("state", cloud.state().armName());
                view.put("accountAdministrator", cloud.accountAdministrator().toString());
                view.put("createdAt", cloud.createdAt().toString());
            }
            case SuiteSubscription suite -> {
                view.put("id", suite.id().toString());
                view.put("subscriptionId", suite.id().toString());
                view.put("family", "suite");
                view.put("tenantId", suite.tenantId().toString());
                view.put("skuPartNumber", suite.skuPartNumber());
                view.put("skuId", suite.skuId().toString());
                view.put(
                        "seats",
                        Map.of(
                                "enabled", suite.seatsEnabled(),
                                "suspended", suite.seatsSuspended(),
                                "warning", suite.seatsWarning()));
                view.put("state", suite.state().graphName());
                view.put("trial", suite.trial());
                view.put(
                        "trialEndsAt",
                        suite.trialEndsAt() == null ? null : suite.trialEndsAt().toString());
                view.put("createdAt", suite.createdAt().toString());
                view.put(
                        "stateEndsAt",
                        suite.stateEndsAt() == null ? null : suite.stateEndsAt().toString());
            }
        }
        return view;
    }

    static Map<String, Object> catalog(Catalog catalog) {
        List<Map<String, Object>> offers = catalog.offers().stream()
                .map(o -> Map.<String, Object>of(
                        "id", o.id(),
                        "displayName", o.displayName(),
                        "channel", o.selfService() ? "selfService" : "enterprise",
                        "quotaId", o.quotaId(),
                        "spendingLimit", o.spendingLimit()))
                .toList();
        List<Map<String, Object>> skus = catalog.skus().stream()
                .map(s -> Map.<String, Object>of(
                        "skuId", s.skuId().toString(),
                        "skuPartNumber", s.partNumber(),
                        "displayName", s.displayName(),
                        "trialDays", s.trialDays(),
                        "defaultSeats", s.defaultSeats(),
                        "servicePlans",
                                s.servicePlans().stream()
                                        .map(p ->
                                                Map.of("servicePlanId", p.id().toString(), "servicePlanName", p.name()))
                                        .toList()))
                .toList();
        return Map.of("offers", offers, "skus", skus);
    }
}
