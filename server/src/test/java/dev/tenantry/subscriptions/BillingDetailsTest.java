package dev.tenantry.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.testing.TestBillingDetails;
import java.time.YearMonth;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BillingDetailsTest {

    private static final YearMonth NOW = YearMonth.of(2025, 6);

    private static java.util.List<String> wrongFields(BillingDetails details) {
        return details.problems(NOW).stream()
                .map(BillingDetails.FieldError::field)
                .toList();
    }

    @Test
    void validDetailsHaveNoProblems() {
        BillingDetails details = TestBillingDetails.valid().build();

        assertThat(details.problems(NOW)).isEmpty();
    }

    @Test
    void cardNumberFailingTheLuhnCheckIsWrong() {
        BillingDetails details = TestBillingDetails.valid()
                .card("4111 1111 1111 1112", 12, 2030, "123")
                .build();

        assertThat(wrongFields(details)).containsExactly("card.number");
    }

    @Test
    void expiryInThePastIsWrong() {
        BillingDetails details = TestBillingDetails.valid()
                .card(TestBillingDetails.VISA, 5, 2025, "123")
                .build();

        assertThat(wrongFields(details)).containsExactly("card.expiry");
    }

    @Test
    void expiryInTheCurrentMonthIsAccepted() {
        BillingDetails details = TestBillingDetails.valid()
                .card(TestBillingDetails.VISA, 6, 2025, "123")
                .build();

        assertThat(wrongFields(details)).isEmpty();
    }

    @Test
    void absurdExpiryYearIsAWrongFieldNotACrash() {
        BillingDetails details = TestBillingDetails.valid()
                .card(TestBillingDetails.VISA, 12, Integer.MAX_VALUE, "123")
                .build();

        assertThat(wrongFields(details)).containsExactly("card.expiry");
    }

    @Test
    void everyWrongFieldIsNamedAtOnce() {
        BillingDetails details = TestBillingDetails.valid()
                .name(" ")
                .email("not-an-email")
                .phone("12")
                .countryCode("XX")
                .postalCode(null)
                .card("1234", null, null, "12")
                .build();

        assertThatThrownBy(() -> details.validate(NOW))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class, e -> assertThat(e.code()).isEqualTo("invalid_billing_profile"))
                .hasMessageContainingAll(
                        "name:",
                        "email:",
                        "phone:",
                        "countryCode:",
                        "postalCode:",
                        "card.number:",
                        "card.expiry:",
                        "card.cvc:")
                .hasMessageNotContaining("city:")
                .hasMessageNotContaining("addressLine1:");
    }

    @Test
    void profileKeepsOnlyBrandAndLastFourOfTheCard() {
        BillingDetails details = TestBillingDetails.valid().build();

        BillingProfile profile = details.toProfile(UUID.randomUUID());

        assertThat(profile.cardBrand()).isEqualTo("Visa");
        assertThat(profile.cardLast4()).isEqualTo("1111");
        assertThat(profile.toString()).doesNotContain("4111").doesNotContain("2030");
    }

    @Test
    void cardAndDetailsTextDoNotLeakTheNumberOrSecurityCode() {
        BillingDetails details = TestBillingDetails.valid()
                .card("4242-4242-4242-4242", 12, 2030, "987")
                .build();

        String text = details.toString() + details.card();

        assertThat(text).doesNotContain("4242").doesNotContain("987");
    }

    @Test
    @DisplayName("issue 7.5: each billing field is bounded by its column, not by one shared 256")
    void fieldsLongerThanTheirColumnsAreWrong() {
        BillingDetails details = TestBillingDetails.valid()
                .name("n".repeat(129))
                .email("a@" + "e".repeat(320) + ".example")
                .city("c".repeat(129))
                .postalCode("9".repeat(33))
                .build();

        assertThat(wrongFields(details)).containsExactlyInAnyOrder("name", "email", "city", "postalCode");
        assertThat(details.problems(NOW))
                .filteredOn(e -> e.field().equals("postalCode"))
                .singleElement()
                .satisfies(e -> assertThat(e.message()).contains("at most 32 characters"));
    }

    @Test
    void fieldsAsLongAsTheirColumnsAreAccepted() {
        BillingDetails details = TestBillingDetails.valid()
                .name("n".repeat(128))
                .city("c".repeat(128))
                .postalCode("9".repeat(32))
                .build();

        assertThat(wrongFields(details)).isEmpty();
    }
}
