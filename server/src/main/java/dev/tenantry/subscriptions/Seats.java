package dev.tenantry.subscriptions;

import dev.tenantry.shared.InvalidRequestException;
import java.util.regex.Pattern;

/** The one place seat counts are checked: the text a form sends, and the range a SKU allows. */
public final class Seats {

    private static final Pattern WHOLE_NUMBER = Pattern.compile("\\d{1,6}");
    private static final String FIELD = "seats";

    private Seats() {}

    /** The number of seats a form asked for, or a refusal about the {@code seats} field. */
    public static int parse(String text) {
        String value = text == null ? "" : text.strip();
        if (!WHOLE_NUMBER.matcher(value).matches()) {
            throw new InvalidRequestException(
                    SubscriptionError.INVALID_SEATS, "Enter the number of seats as a whole number.", FIELD);
        }
        return Integer.parseInt(value);
    }

    /**
     * The change a seat order asks for, from its {@code add} or {@code remove} (exactly one, a whole number from 1):
     * positive to buy seats, negative to remove them.
     */
    public static int change(Integer add, Integer remove) {
        if ((add == null) == (remove == null) || (add != null && add < 1) || (remove != null && remove < 1)) {
            throw new InvalidRequestException(
                    SubscriptionError.INVALID_SEAT_CHANGE,
                    "Send exactly one of 'add' or 'remove' with a whole number of seats from 1, such as {\"add\": 5}.",
                    add == null && remove != null ? "remove" : "add");
        }
        return add != null ? add : -remove;
    }

    /** {@code requested} seats of {@code sku} (its default when null), within what a trial or a purchase allows. */
    static int require(Sku sku, Integer requested, boolean trial) {
        int seats = requested == null ? sku.defaultSeats() : requested;
        int max = trial ? sku.maxTrialSeats() : sku.maxSeats();
        if (seats < 1 || seats > max) {
            throw new InvalidRequestException(
                    SubscriptionError.INVALID_SEATS,
                    "'seats' must be between 1 and " + max + " for " + (trial ? "a trial of " : "") + sku.partNumber()
                            + "; it was " + seats + ".",
                    FIELD);
        }
        return seats;
    }
}
