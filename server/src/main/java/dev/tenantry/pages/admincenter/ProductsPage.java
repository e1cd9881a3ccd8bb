package dev.tenantry.pages.admincenter;

import dev.tenantry.pages.Chrome;
import dev.tenantry.pages.ConsoleNav;
import dev.tenantry.subscriptions.SuiteSubscription;
import java.util.List;

/**
 * Model of admincenter/products.jte: "Your products", the directory's suite subscriptions that are not deleted and its
 * cloud subscriptions (managed in the portal; one directory holds both, as the brief's last step wants), a notice after
 * a change, and the refusal of the form that failed.
 */
public record ProductsPage(
        Chrome chrome, ConsoleNav nav, List<Row> rows, List<CloudRow> clouds, String notice, FormError error) {

    public ProductsPage {
        rows = List.copyOf(rows);
        clouds = List.copyOf(clouds);
    }

    /** One cloud subscription of the directory: its name, id, offer and ARM state, and its page in the portal. */
    public record CloudRow(String id, String name, String offer, String state) {

        public String portalPath() {
            return "/portal/subscriptions/" + id;
        }
    }

    /** The refusal of form {@code form} ({@code add}, {@code remove}, {@code convert}…) of subscription {@code id}. */
    public record FormError(String id, String form, String message) {}

    /** The refusal shown next to {@code form} of {@code row}, or null. */
    public String errorOf(Row row, String form) {
        return error != null && error.id().equals(row.id()) && error.form().equals(form) ? error.message() : null;
    }

    /**
     * One suite subscription. {@code stateEnds} is when its state runs out (the trial's end, the grace period's, the
     * retention's), null when it lasts; {@code seatsUsed} counts the licences of its SKU assigned.
     */
    public record Row(
            String id,
            String product,
            String partNumber,
            SuiteSubscription.State stateValue,
            boolean trial,
            String trialEnds,
            String stateEnds,
            int seatsUsed,
            int seatsTotal) {

        public String state() {
            return stateValue.graphName();
        }

        /** Seats change only while the subscription is enabled. */
        public boolean seatsChange() {
            return stateValue == SuiteSubscription.State.ENABLED;
        }

        /** What the row says about its end: when a trial ends, when an expired one is disabled, and so on. */
        public String ends() {
            if (stateEnds == null) {
                return "";
            }
            return switch (stateValue) {
                case ENABLED -> "Trial ends " + stateEnds;
                case WARNING -> "Expired; disabled " + stateEnds + " unless you buy it";
                case SUSPENDED -> "Disabled; deleted " + stateEnds + " unless you reactivate it";
                case DELETED -> "";
            };
        }

        /** An expired trial is bought, not reactivated. */
        public boolean canReactivate() {
            return (stateValue == SuiteSubscription.State.WARNING && !trial)
                    || stateValue == SuiteSubscription.State.SUSPENDED;
        }

        public boolean canCancel() {
            return stateValue != SuiteSubscription.State.SUSPENDED;
        }
    }
}
