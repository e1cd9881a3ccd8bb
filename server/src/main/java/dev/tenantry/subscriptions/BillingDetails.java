package dev.tenantry.subscriptions;

import dev.tenantry.shared.Column;
import dev.tenantry.shared.InvalidRequestException;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A billing profile as entered: contact, address and an optional test payment card. {@link #validate} names every
 * field that is wrong at once, and {@link #toProfile} keeps nothing of the card but its brand and last four digits.
 */
public record BillingDetails(
        String name,
        String email,
        String phone,
        String countryCode,
        String addressLine1,
        String city,
        String postalCode,
        Card card) {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()-]{6,20}$");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    /** A test payment card as typed; never stored. */
    public record Card(String number, Integer expiryMonth, Integer expiryYear, String cvc) {
        @Override
        public String toString() {
            return "Card[****]";
        }
    }

    /** The field-level problems, keyed by field name; empty when the details are valid. */
    public List<FieldError> problems(YearMonth now) {
        List<FieldError> errors = new ArrayList<>();
        require(errors, "name", name, Column.BILLING_NAME, "Enter the name of the person or company that pays");
        if (email == null || !EMAIL.matcher(email.strip()).matches() || !Column.BILLING_EMAIL.fits(email.strip())) {
            errors.add(new FieldError(
                    "email",
                    "Enter an email address such as name@example.com (at most " + Column.BILLING_EMAIL.limit()
                            + " characters)."));
        }
        if (phone == null || !PHONE.matcher(phone.strip()).matches() || !Column.BILLING_PHONE.fits(phone.strip())) {
            errors.add(new FieldError("phone", "Enter a phone number of 6 to 20 digits, optionally starting with +."));
        }
        String country = countryCode == null ? "" : countryCode.strip().toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(country)) {
            errors.add(new FieldError("countryCode", "Choose a country (a two-letter code such as US)."));
        }
        require(errors, "addressLine1", addressLine1, Column.BILLING_ADDRESS_LINE1, "Enter the street address");
        require(errors, "city", city, Column.BILLING_CITY, "Enter the city");
        require(errors, "postalCode", postalCode, Column.BILLING_POSTAL_CODE, "Enter the postal code");
        if (card != null) {
            cardProblems(errors, now);
        }
        return errors;
    }

    private void cardProblems(List<FieldError> errors, YearMonth now) {
        String digits = card.number() == null ? "" : card.number().replaceAll("[ -]", "");
        if (!digits.matches("\\d{12,19}") || !luhn(digits)) {
            errors.add(new FieldError("card.number", "Enter a valid card number (12 to 19 digits)."));
        }
        Integer month = card.expiryMonth();
        Integer year = card.expiryYear();
        if (month == null
                || year == null
                || month < 1
                || month > 12
                || year < 1
                || year > 9999
                || YearMonth.of(year, month).isBefore(now)) {
            errors.add(new FieldError("card.expiry", "Enter an expiry month and year that have not passed."));
        }
        if (card.cvc() == null || !card.cvc().matches("\\d{3,4}")) {
            errors.add(new FieldError("card.cvc", "Enter the 3 or 4 digit security code."));
        }
    }

    /** Throws an {@link InvalidRequestException} naming every wrong field, or does nothing. */
    public void validate(YearMonth now) {
        List<FieldError> errors = problems(now);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(
                    SubscriptionError.INVALID_BILLING_PROFILE,
                    "The billing profile is not valid: "
                            + String.join(
                                    " ",
                                    errors.stream()
                                            .map(e -> e.field() + ": " + e.message())
                                            .toList()));
        }
    }

    public BillingProfile toProfile(java.util.UUID subscriptionId) {
        String digits = card == null ? null : card.number().replaceAll("[ -]", "");
        return new BillingProfile(
                subscriptionId,
                name.strip(),
                email.strip(),
                phone.strip(),
                countryCode.strip().toUpperCase(Locale.ROOT),
                addressLine1.strip(),
                city.strip(),
                postalCode.strip(),
                digits == null ? null : brand(digits),
                digits == null ? null : digits.substring(digits.length() - 4));
    }

    static YearMonth currentMonth(java.time.Clock clock) {
        return YearMonth.from(clock.instant().atZone(ZoneOffset.UTC));
    }

    /** A required text that must fit its column once stripped; the message says how long it may be. */
    private static void require(List<FieldError> errors, String field, String value, Column column, String what) {
        if (value == null || value.isBlank() || !column.fits(value.strip())) {
            errors.add(new FieldError(field, what + " (at most " + column.limit() + " characters)."));
        }
    }

    private static boolean luhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    private static String brand(String digits) {
        if (digits.startsWith("4")) {
            return "Visa";
        }
        if (digits.matches("^(5[1-5]|2[2-7]).*")) {
            return "Mastercard";
        }
        if (digits.matches("^3[47].*")) {
            return "Amex";
        }
        return "Card";
    }

    /** One wrong field and what to do about it. */
    public record FieldError(String field, String message) {}
}
