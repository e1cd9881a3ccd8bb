package dev.tenantry.subscriptions.http;

import dev.tenantry.directory.NewUser;
import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.shared.RequestError;
import dev.tenantry.subscriptions.BillingDetails;
import dev.tenantry.subscriptions.SignUp;

/** The commerce API's request bodies; wire shapes only, turned into domain inputs here. */
final class CommerceRequests {

    private CommerceRequests() {}

    record AdminRequest(String displayName, String userName, String password, String givenName, String surname) {}

    record CardRequest(String number, Integer expiryMonth, Integer expiryYear, String cvc) {}

    record BillingRequest(
            String name,
            String email,
            String phone,
            String countryCode,
            String addressLine1,
            String city,
            String postalCode,
            CardRequest paymentCard) {}

    record SignUpRequest(
            String organization,
            String domainPrefix,
            String countryCode,
            AdminRequest admin,
            String product,
            Integer seats,
            BillingRequest billingProfile) {

        SignUp toSignUp() {
            if (admin == null) {
                throw new InvalidRequestException(
                        RequestError.MISSING_FIELD,
                        "'admin' is required: {\"displayName\",\"userName\",\"password\"}.");
            }
            NewUser user = new NewUser(
                    admin.displayName(),
                    admin.userName(),
                    admin.password(),
                    admin.givenName(),
                    admin.surname(),
                    null,
                    true,
                    null,
                    null);
            return new SignUp(organization, domainPrefix, countryCode, user, product, seats, billing(billingProfile));
        }
    }

    record CloudOrder(String offerId, String displayName, BillingRequest billingProfile) {}

    record SuiteOrder(String skuPartNumber, Integer seats, Boolean trial) {}

    /** Seats to buy ({@code add}) or remove ({@code remove}) on a suite subscription: exactly one of them. */
    record SeatOrder(Integer add, Integer remove) {}

    /** Buying a trial: the billing profile to pay with, or none to use the directory's. */
    record ConvertOrder(BillingRequest billingProfile) {}

    static BillingDetails billing(BillingRequest request) {
        if (request == null) {
            return null;
        }
        CardRequest card = request.paymentCard();
        return new BillingDetails(
                request.name(),
                request.email(),
                request.phone(),
                request.countryCode(),
                request.addressLine1(),
                request.city(),
                request.postalCode(),
                card == null
                        ? null
                        : new BillingDetails.Card(card.number(), card.expiryMonth(), card.expiryYear(), card.cvc()));
    }
}
