package dev.tenantry.subscriptions.storage;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tenantry.subscriptions.Catalog;
import dev.tenantry.subscriptions.Offer;
import dev.tenantry.subscriptions.ServicePlan;
import dev.tenantry.subscriptions.Sku;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Reads the catalog: the shipped defaults, or an operator's JSON file in the same shape. */
public final class CatalogFile {

    private static final String DEFAULTS = "/catalog/default-catalog.json";

    private CatalogFile() {}

    /** The catalog of {@code file}, or the shipped defaults when {@code file} is null. */
    public static Catalog load(Path file) {
        ObjectMapper mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        try (InputStream in =
                file == null ? CatalogFile.class.getResourceAsStream(DEFAULTS) : Files.newInputStream(file)) {
            if (in == null) {
                throw new IllegalStateException("the default catalog is missing from the build");
            }
            return mapper.readValue(in, CatalogJson.class).toCatalog();
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException(
                    "cannot read the catalog " + (file == null ? DEFAULTS : file) + ": " + e.getMessage(), e);
        }
    }

    private record CatalogJson(List<OfferJson> offers, List<SkuJson> skus) {
        Catalog toCatalog() {
            return new Catalog(
                    offers.stream().map(OfferJson::toOffer).toList(),
                    skus.stream().map(SkuJson::toSku).toList());
        }
    }

    private record OfferJson(String id, String displayName, String channel, String quotaId, String spendingLimit) {
        Offer toOffer() {
            Offer.Channel parsed =
                    switch (channel.toLowerCase(Locale.ROOT)) {
                        case "selfservice" -> Offer.Channel.SELF_SERVICE;
                        case "enterprise" -> Offer.Channel.ENTERPRISE;
                        default ->
                            throw new IllegalArgumentException(
                                    "offer " + id + ": channel must be selfService or enterprise");
                    };
            return new Offer(id, displayName, parsed, quotaId, spendingLimit);
        }
    }

    private record SkuJson(
            String skuId,
            String partNumber,
            String displayName,
            int trialDays,
            int defaultSeats,
            int maxTrialSeats,
            int maxSeats,
            List<PlanJson> servicePlans) {
        Sku toSku() {
            return new Sku(
                    UUID.fromString(skuId),
                    partNumber,
                    displayName,
                    servicePlans.stream()
                            .map(p -> new ServicePlan(UUID.fromString(p.id()), p.name(), p.service()))
                            .toList(),
                    trialDays,
                    defaultSeats,
                    maxTrialSeats,
                    maxSeats);
        }
    }

    private record PlanJson(String id, String name, String service) {}
}
