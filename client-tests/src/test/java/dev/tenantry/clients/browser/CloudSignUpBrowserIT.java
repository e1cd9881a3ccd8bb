package dev.tenantry.clients.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.clients.ServerApi;
import dev.tenantry.clients.TenantryProcess;
import dev.tenantry.clients.TestDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * Flow 1 (issue 3, R7): a user of an existing directory, with no role, signs up for the cloud free trial with the
 * organisational account: store → "Start free" → sign-in → billing form (errors kept next to the fields, then
 * valid) → "Start managing my service" → the cloud portal, signed in.
 */
class CloudSignUpBrowserIT {

    private static final String NAME = "Sam Plain";

    @RegisterExtension
    static final Browser browser = new Browser();

    private static String sam;

    @BeforeAll
    static void arrange() {
        ServerApi api = new ServerApi(TenantryProcess.get());
        TestDirectory directory = TestDirectory.signUp(api, "cloudflow");
        sam = DirectoryUsers.add(api, directory, "sam", NAME);
    }

    @Test
    void aUserWithNoRoleSignsUpForTheCloudWithHisOrganisationalAccount() {
        browser.visit("/", "landing");
        browser.clickAndWait(
                browser.driver().findElement(By.cssSelector("main a[href='/store/cloud']")), "store-cloud");
        assertThat(browser.heading()).isEqualTo("Tenantry Cloud");

        browser.follow("Start free", "start-free");
        browser.follow("Sign in with an organisational account", "signin");
        assertThat(browser.path()).isEqualTo("/signin?returnUrl=/store/cloud/billing");

        browser.signIn(sam, TestDirectory.PASSWORD, "billing");
        assertThat(browser.path()).isEqualTo("/store/cloud/billing");
        assertThat(browser.heading()).isEqualTo("Billing details");

        billing("not-an-email", "4111 1111 1111 1112");
        browser.press("Sign up", "billing-errors");
        assertThat(browser.text()).contains("Please fix the following");
        assertThat(browser.driver().findElement(By.id("email-error")).isDisplayed())
                .isTrue();
        assertThat(browser.driver().findElement(By.id("email")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        assertThat(browser.driver().findElement(By.id("cardNumber-error")).isDisplayed())
                .isTrue();
        assertThat(browser.driver().findElement(By.id("name")).getAttribute("value"))
                .isEqualTo("Fabrikam Billing");
        assertThat(browser.driver().findElement(By.id("email")).getAttribute("value"))
                .isEqualTo("not-an-email");
        assertThat(browser.driver().findElement(By.id("city")).getAttribute("value"))
                .isEqualTo("Redmond");
        assertThat(browser.driver().findElement(By.id("cardNumber")).getAttribute("value"))
                .as("a card number is never sent back")
                .isEmpty();

        billing("pay@fabrikam.example", "4111 1111 1111 1111");
        browser.press("Sign up", "ready-to-start");
        assertThat(browser.heading()).isEqualTo("You're ready to start");
        assertThat(browser.text()).contains("Your subscription has been created.");

        browser.follow("Start managing my service", "portal");
        assertThat(browser.path()).isEqualTo("/portal");
        assertThat(browser.driver().findElement(By.cssSelector("header .who")).getText())
                .isEqualTo(NAME);

        browser.visit("/portal/subscriptions", "portal-subscriptions");
        assertThat(browser.text()).contains("Free Trial");
    }

    /** Fills the whole billing form (the card number and security code are never kept between submits). */
    private static void billing(String email, String cardNumber) {
        browser.fill("name", "Fabrikam Billing");
        browser.fill("email", email);
        browser.fill("phone", "+1 425 555 0100");
        new Select(browser.driver().findElement(By.id("countryCode"))).selectByValue("US");
        browser.fill("addressLine1", "1 Main Street");
        browser.fill("city", "Redmond");
        browser.fill("postalCode", "98052");
        browser.fill("cardNumber", cardNumber);
        browser.fill("cardExpiryMonth", "12");
        browser.fill("cardExpiryYear", "2030");
        browser.fill("cardCvc", "123");
    }
}
