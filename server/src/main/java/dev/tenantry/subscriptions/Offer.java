package dev.tenantry.subscriptions;

/** A cloud subscription offer of the catalog, such as free trial ({@code MS-AZR-0044P}). */
public record Offer(String id, String displayName, Channel channel, String quotaId, String spendingLimit) {

    /** How an offer is sold: through self-service sign-up, or only through an enterprise agreement (R12). */
    public enum Channel {
        SELF_SERVICE,
        ENTERPRISE
    }

    public boolean selfService() {
        return channel == Channel.SELF_SERVICE;
    }
}
