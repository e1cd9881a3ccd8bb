package dev.tenantry.subscriptions;

import dev.tenantry.shared.InvalidRequestException;
import java.util.List;
import java.util.Optional;

/** The offers and SKUs on sale: data shipped with defaults and replaceable by the operator. */
public record Catalog(List<Offer> offers, List<Sku> skus) {

    public Catalog {
        offers = List.copyOf(offers);
        skus = List.copyOf(skus);
    }

    public Optional<Offer> offer(String id) {
        return offers.stream().filter(o -> o.id().equalsIgnoreCase(id)).findFirst();
    }

    public Optional<Sku> sku(String partNumber) {
        return skus.stream()
                .filter(s -> s.partNumber().equalsIgnoreCase(partNumber))
                .findFirst();
    }

    public Optional<Sku> skuById(java.util.UUID skuId) {
        return skus.stream().filter(s -> s.skuId().equals(skuId)).findFirst();
    }

    /** The offer with this id; an unknown one is an error that lists what exists. */
    public Offer requireOffer(String id) {
        return offer(id == null ? "" : id.strip())
                .orElseThrow(() -> new InvalidRequestException(
                        SubscriptionError.UNKNOWN_OFFER,
                        "There is no offer '" + id + "'. Offers: " + offerIds() + "."));
    }

    public Sku requireSku(String partNumber) {
        return sku(partNumber == null ? "" : partNumber.strip())
                .orElseThrow(() -> new InvalidRequestException(
                        SubscriptionError.UNKNOWN_SKU,
                        "There is no SKU '" + partNumber + "'. SKUs: " + skuIds() + "."));
    }

    private List<String> offerIds() {
        return offers.stream().map(Offer::id).toList();
    }

    private List<String> skuIds() {
        return skus.stream().map(Sku::partNumber).toList();
    }

    /** Whether {@code product} names a cloud offer (as opposed to a suite SKU). */
    public boolean isOffer(String product) {
        return product != null && offer(product.strip()).isPresent();
    }
}
