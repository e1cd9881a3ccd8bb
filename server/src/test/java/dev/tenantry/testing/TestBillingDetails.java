package dev.tenantry.testing;

import dev.tenantry.subscriptions.BillingDetails;

/** Builds {@link BillingDetails} that are valid by default (a Luhn-valid Visa test card that expires in 2030). */
public final class TestBillingDetails {

    /** A Luhn-valid Visa test number. */
    public static final String VISA = "4111 1111 1111 1111";

    private String name = "Contoso Ltd";
    private String email = "billing@contoso.example";
    private String phone = "+1 425 555 0100";
    private String countryCode = "US";
    private String addressLine1 = "1 Microsoft Way";
    private String city = "Redmond";
    private String postalCode = "98052";
    private BillingDetails.Card card = new BillingDetails.Card(VISA, 12, 2030, "123");

    private TestBillingDetails() {}

    public static TestBillingDetails valid() {
        return new TestBillingDetails();
    }

    public TestBillingDetails name(String value) {
        this.name = value;
        return this;
    }

    public TestBillingDetails email(String value) {
        this.email = value;
        return this;
    }

    public TestBillingDetails phone(String value) {
        this.phone = value;
        return this;
    }

    public TestBillingDetails countryCode(String value) {
        this.countryCode = value;
        return this;
    }

    public TestBillingDetails city(String value) {
        this.city = value;
        return this;
    }

    public TestBillingDetails postalCode(String value) {
        this.postalCode = value;
        return this;
    }

    public TestBillingDetails card(String number, Integer expiryMonth, Integer expiryYear, String cvc) {
        this.card = new BillingDetails.Card(number, expiryMonth, expiryYear, cvc);
        return this;
    }

    public TestBillingDetails noCard() {
        this.card = null;
        return this;
    }

    public BillingDetails build() {
        return new BillingDetails(name, email, phone, countryCode, addressLine1, city, postalCode, card);
    }
}
