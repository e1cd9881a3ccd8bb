package dev.tenantry.pages;

import dev.tenantry.shared.DomainException;
import dev.tenantry.subscriptions.InheritedLicence;
import dev.tenantry.subscriptions.LicencePath;
import dev.tenantry.subscriptions.LicenceService;
import dev.tenantry.subscriptions.Sku;
import dev.tenantry.subscriptions.SubscriptionError;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Shapes licences for both consoles (issue 9): a product's name from the catalog, how a user holds a licence, and why
 * a licence could not be given with what fixes it. The licence service decides; this class only words its answers.
 */
public final class LicenceViews {

    /** Where an administrator buys more licences. */
    public static final String BUY = "/admin/billing/products";

    private final LicenceService licences;

    public LicenceViews(LicenceService licences) {
        this.licences = licences;
    }

    public LicenceService service() {
        return licences;
    }

    /** The product's name ("Office 365 E3"), or its id when the catalog no longer has it. */
    public String productName(UUID skuId) {
        return licences.sku(skuId).map(Sku::displayName).orElse(skuId.toString());
    }

    /** The SKU's part number ("ENTERPRISEPACK"), or empty. */
    public String partNumber(UUID skuId) {
        return licences.sku(skuId).map(Sku::partNumber).orElse("");
    }

    /** A user's licences as its profile lists them: each product once per path, with the group and any error. */
    public List<ProfileLicence> profile(List<LicencePath> paths) {
        return paths.stream()
                .map(path -> new ProfileLicence(
                        path.skuId().toString(),
                        productName(path.skuId()),
                        path.direct()
                                ? "Assigned directly"
                                : "Assigned by group " + path.group().displayName(),
                        path.active() ? null : message(path.error())))
                .toList();
    }

    /** Why a group's licence did not reach a user, in Graph's words, and what fixes it. */
    public static Problem problem(InheritedLicence.Failure error, String userId) {
        return switch (error) {
            case COUNT_VIOLATION -> seats(message(error));
            case USAGE_LOCATION_VIOLATION -> location(message(error), userId);
        };
    }

    /** Why assignLicense refused a user, with the fix; empty for a refusal the page cannot help with. */
    public static Optional<Problem> problem(DomainException e, String userId) {
        if (e.errorCode() == SubscriptionError.NO_AVAILABLE_LICENSES) {
            return Optional.of(seats(e.getMessage()));
        }
        if (e.errorCode() == SubscriptionError.USAGE_LOCATION_REQUIRED) {
            return Optional.of(location(e.getMessage(), userId));
        }
        return Optional.empty();
    }

    private static String message(InheritedLicence.Failure error) {
        return switch (error) {
            case COUNT_VIOLATION -> "CountViolation: the product has no available licenses.";
            case USAGE_LOCATION_VIOLATION ->
                "ProhibitedInUsageLocationViolation: License assignment cannot be done for user with invalid"
                        + " usage location.";
        };
    }

    private static Problem seats(String message) {
        return new Problem(message, "Buy licences, or unassign some", BUY);
    }

    private static Problem location(String message, String userId) {
        return new Problem(
                message, "Set the user's usage location", "/admin/users/" + userId + "/licenses#usageLocation");
    }

    /** A refusal shown next to a user or a product: Graph's message, and a link to what fixes it. */
    public record Problem(String message, String fix, String fixHref) {}

    /** One licence on a profile: the product, how the user holds it, and the error when it does not work. */
    public record ProfileLicence(String skuId, String product, String how, String error) {}
}
