package dev.tenantry.clients.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Flow 3 (issue 3, R8): a new customer creates the organisation, its first administrator and the suite trial in one
 * step from the trial page, and lands signed in on the order receipt, then in the admin center.
 */
class NewCustomerBrowserIT {

    private static final String TRIAL = "/store/suite/O365_BUSINESS_ESSENTIALS/trial";

    @RegisterExtension
    static final Browser browser = new Browser();

    @Test
    void aNewCustomerGetsADirectoryAnAdministratorAndTheTrialInOneStep() {
        String prefix =
                "northwind" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
        browser.visit("/store/suite", "plans");
        browser.clickAndWait(browser.driver().findElement(By.cssSelector("a[href='" + TRIAL + "']")), "trial");
        assertThat(browser.heading()).isEqualTo("Microsoft 365 Business Basic");

        browser.fill("organization", "Northwind Traders");
        browser.fill("domainPrefix", prefix);
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("domainPrefix-status"), "is available"));
        new Select(browser.driver().findElement(By.id("countryCode"))).selectByValue("US");
        browser.fill("adminName", "Nora North");
        browser.fill("userName", "nora");
        browser.fill("password", "short");
        browser.screenshot("trial-filled");
        browser.press("Create my account", "weak-password");
        assertThat(browser.driver().findElement(By.id("password-error")).isDisplayed())
                .isTrue();
        assertThat(browser.driver().findElement(By.id("organization")).getAttribute("value"))
                .isEqualTo("Northwind Traders");
        assertThat(browser.driver().findElement(By.id("password")).getAttribute("value"))
                .isEmpty();

        browser.fill("password", "Northwind!2026");
        browser.press("Create my account", "receipt");
        assertThat(browser.heading()).isEqualTo("Order receipt");
        assertThat(browser.text()).contains("Microsoft 365 Business Basic", "Free trial ends");
        assertThat(browser.driver().findElement(By.cssSelector("header .who")).getText())
                .isEqualTo("Nora North");
        assertThat(browser.driver().findElement(By.cssSelector("header .who")).getAttribute("title"))
                .isEqualTo("nora@" + prefix + ".onmicrosoft.test");

        browser.follow("Continue", "admin-center");
        assertThat(browser.path()).isEqualTo("/admin");
        assertThat(browser.driver().findElement(By.id("directory-name")).getText())
                .isEqualTo("Northwind Traders");
        assertThat(browser.driver().findElement(By.id("directory-domain")).getText())
                .isEqualTo(prefix + ".onmicrosoft.test");
    }
}
