package dev.tenantry.clients.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.clients.ServerApi;
import dev.tenantry.clients.TenantryProcess;
import dev.tenantry.clients.TestDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * Flow 2 (issue 3, R6): a Global Administrator buys a suite trial from the plans ("Sign in" top right on the trial
 * page, "Confirm your order", "Try now", "Order receipt", "Continue" to the admin center); a user without a billing
 * role is refused with a page naming the roles and who holds them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SuitePurchaseBrowserIT {

    private static final String E3 = "/store/suite/ENTERPRISEPACK";

    @RegisterExtension
    static final Browser browser = new Browser();

    private static TestDirectory directory;
    private static String pat;

    @BeforeAll
    static void arrange() {
        ServerApi api = new ServerApi(TenantryProcess.get());
        directory = TestDirectory.signUp(api, "suiteflow");
        pat = DirectoryUsers.add(api, directory, "pat", "Pat Plain");
    }

    @Test
    @Order(1)
    void aGlobalAdministratorOrdersASuiteTrial() {
        toConfirmation(directory.adminUpn(), "admin");
        browser.fill("seats", "10");
        browser.press("Try now", "admin-receipt");

        assertThat(browser.heading()).isEqualTo("Order receipt");
        assertThat(browser.text()).contains("Office 365 E3", "Thank you. Your subscription is ready.");
        browser.follow("Continue", "admin-center");
        assertThat(browser.path()).isEqualTo("/admin");
        assertThat(browser.heading()).isEqualTo("Admin center");
        assertThat(browser.driver().findElement(By.cssSelector("header .who")).getText())
                .isEqualTo(TestDirectory.ADMIN_NAME);

        browser.follow("Your products", "admin-products");
        assertThat(browser.text()).contains("Office 365 E3");
        browser.press("Sign out", "admin-signed-out");
    }

    @Test
    @Order(2)
    void aUserWithoutABillingRoleIsRefusedAndToldWhoCanHelp() {
        toConfirmation(pat, "plain-user");
        browser.press("Try now", "plain-user-refused");

        assertThat(browser.heading()).isEqualTo("You need an administrator role");
        assertThat(browser.text())
                .contains("Global Administrator", "Billing Administrator")
                .contains(TestDirectory.ADMIN_NAME + " (" + directory.adminUpn() + ")")
                .contains("Nothing was ordered.");
        assertThat(browser.script("return performance.getEntriesByType('navigation')[0].responseStatus"))
                .isEqualTo(403L);
        browser.press("Sign out", "plain-user-signed-out");
    }

    /** Plans → E3 trial page → "Sign in" top right → sign-in → "Confirm your order". */
    private static void toConfirmation(String userName, String who) {
        browser.visit("/store/suite", who + "-plans");
        assertThat(browser.heading()).isEqualTo("Tenantry Suite plans");
        browser.clickAndWait(
                browser.driver().findElement(By.cssSelector("a[href='" + E3 + "/trial']")), who + "-trial");
        browser.clickAndWait(browser.driver().findElement(By.cssSelector("header a.account")), who + "-signin");
        assertThat(browser.path()).isEqualTo("/signin?returnUrl=" + E3 + "/confirm");
        browser.signIn(userName, TestDirectory.PASSWORD, who + "-confirm");
        assertThat(browser.heading()).isEqualTo("Confirm your order");
    }
}
