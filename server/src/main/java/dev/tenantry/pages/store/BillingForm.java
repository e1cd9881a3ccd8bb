package dev.tenantry.pages.store;

import dev.tenantry.subscriptions.BillingDetails;
import io.javalin.http.Context;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * The billing profile form as shown again: every value kept except the payment card, of which only the last four
 * digits come back as a hint (the number, expiry and security code are never echoed).
 */
public record BillingForm(
        String name,
        String email,
        String phone,
        String countryCode,
        String addressLine1,
        String city,
        String postalCode,
        String cardLastFour) {

    private static final Map<String, String> FIELDS = Map.of(
            "card.number", "cardNumber",
            "card.expiry", "cardExpiry",
            "card.cvc", "cardCvc");

    public static BillingForm empty() {
        return new BillingForm("", "", "", "", "", "", "", null);
    }

    /** The billing details as posted; the card is always present, so a missing card is an error. */
    public static BillingDetails details(Context ctx) {
        return new BillingDetails(
                value(ctx, "name"),
                value(ctx, "email"),
                value(ctx, "phone"),
                value(ctx, "countryCode"),
                value(ctx, "addressLine1"),
                value(ctx, "city"),
                value(ctx, "postalCode"),
                new BillingDetails.Card(
                        value(ctx, "cardNumber"),
                        number(ctx, "cardExpiryMonth"),
                        number(ctx, "cardExpiryYear"),
                        value(ctx, "cardCvc")));
    }

    /** What to show again after {@code details} were refused. */
    public static BillingForm kept(BillingDetails details) {
        String digits = details.card().number().replaceAll("\\D", "");
        return new BillingForm(
                details.name(),
                details.email(),
                details.phone(),
                details.countryCode(),
                details.addressLine1(),
                details.city(),
                details.postalCode(),
                digits.length() >= 4 ? digits.substring(digits.length() - 4) : null);
    }

    /** The refused fields of {@code details}, keyed by the form's field ids. */
    public static FieldErrors errors(BillingDetails details) {
        return new FieldErrors(details.problems(YearMonth.now(ZoneOffset.UTC)).stream()
                .map(e -> new FieldErrors.Item(FIELDS.getOrDefault(e.field(), e.field()), e.message()))
                .toList());
    }

    private static String value(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value.strip();
    }

    private static Integer number(Context ctx, String name) {
        String value = value(ctx, name);
        return value.matches("\\d{1,4}") ? Integer.valueOf(value) : null;
    }
}
