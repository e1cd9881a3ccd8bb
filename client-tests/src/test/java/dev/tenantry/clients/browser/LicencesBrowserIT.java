package dev.tenantry.clients.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.clients.Clients;
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
 * Issue 9 (R13): an administrator sees Billing → Licenses with each product's licences assigned and available,
 * assigns one from the product's page to a user found by name, then another from a user's "Licenses and apps".
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LicencesBrowserIT {

    private static final String SKU = "f245ecc8-75af-4f8e-b61f-27d8114de5c3";
    private static final String PRODUCT = "Microsoft 365 Business Standard";

    @RegisterExtension
    static final Browser browser = new Browser();

    private static TestDirectory directory;
    private static String alex;

    @BeforeAll
    static void arrange() {
        ServerApi api = new ServerApi(TenantryProcess.get());
        directory = TestDirectory.signUp(api, "licences");
        alex = located(api, DirectoryUsers.add(api, directory, "alex", "Alex Wilber"));
        located(api, DirectoryUsers.add(api, directory, "megan", "Megan Bowen"));
        String management = api.passwordToken(
                directory.tenantId(), directory.adminUpn(), TestDirectory.PASSWORD, Clients.MANAGEMENT);
        api.postJson(
                        "/api/subscriptions/suite",
                        "{\"skuPartNumber\":\"O365_BUSINESS_PREMIUM\",\"seats\":3,\"trial\":true}",
                        management)
                .requireStatus(201);
        browser.visit("/admin", "signin");
        browser.signIn(directory.adminUpn(), TestDirectory.PASSWORD, "admin-center");
    }

    /** Gives the user a usage location through Graph, as licences need one. */
    private static String located(ServerApi api, String upn) {
        String token =
                api.passwordToken(directory.tenantId(), directory.adminUpn(), TestDirectory.PASSWORD, Clients.GRAPH);
        api.patchJson("/v1.0/users/" + upn, "{\"usageLocation\":\"NL\"}", token).requireStatus(204);
        return upn;
    }

    @Test
    @Order(1)
    void theLicensesPageShowsAssignedAndAvailableAndAssignsToAUserFoundByName() {
        browser.follow("Billing", "billing");
        browser.follow("Licenses", "licenses");
        assertThat(browser.heading()).isEqualTo("Licenses");
        assertThat(cell("assigned")).isEqualTo("0");
        assertThat(cell("available")).isEqualTo("3");

        browser.follow(PRODUCT, "product");
        browser.fill("search", "Alex");
        browser.press("Search", "product-search");
        browser.driver()
                .findElement(By.cssSelector("label[for='pick-" + alex + "']"))
                .click();
        browser.press("Assign", "product-assigned");

        assertThat(browser.driver().findElement(By.id("notice")).getText())
                .isEqualTo("A licence was assigned to 1 user.");
        assertThat(browser.driver().findElement(By.id("holders")).getText()).contains("Alex Wilber", "Directly");
        browser.follow("Licenses", "licenses-after");
        assertThat(cell("assigned")).isEqualTo("1");
        assertThat(cell("available")).isEqualTo("2");
    }

    @Test
    @Order(2)
    void aLicenceIsAssignedFromTheUsersLicensesAndApps() {
        browser.follow("Users", "users");
        browser.follow("Megan Bowen", "megan");
        browser.follow("Licenses and apps", "megan-licences");
        assertThat(browser.heading()).isEqualTo("Licenses and apps");
        browser.driver()
                .findElement(By.cssSelector("label[for='licence-box-" + SKU + "']"))
                .click();
        browser.press("Save changes", "megan-licences-saved");

        assertThat(browser.driver().findElement(By.id("notice")).getText()).isEqualTo("The licences were saved.");
        assertThat(browser.driver().findElement(By.id("licence-box-" + SKU)).isSelected())
                .isTrue();
        browser.visit("/admin/billing/licenses/" + SKU, "product-after-user");
        assertThat(browser.driver().findElement(By.id("holders")).getText()).contains("Alex Wilber", "Megan Bowen");
    }

    private static String cell(String column) {
        return browser.driver().findElement(By.id(column + "-" + SKU)).getText();
    }
}
