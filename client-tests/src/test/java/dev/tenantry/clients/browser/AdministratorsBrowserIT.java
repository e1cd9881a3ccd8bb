package dev.tenantry.clients.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.clients.ServerApi;
import dev.tenantry.clients.TenantryProcess;
import dev.tenantry.clients.TestDirectory;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 10 (R4): the account administrator opens the subscription's Administrators tab in the cloud portal and makes
 * another user of the directory the service administrator.
 */
class AdministratorsBrowserIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    private static TestDirectory directory;

    @BeforeAll
    static void arrange() {
        ServerApi api = new ServerApi(TenantryProcess.get());
        directory = TestDirectory.signUp(api, "admins");
        DirectoryUsers.add(api, directory, "alex", "Alex Wilber");
    }

    @Test
    void changingTheServiceAdministrator() {
        browser.visit("/portal/subscriptions/" + directory.subscriptionId(), "signin");
        browser.signIn(directory.adminUpn(), TestDirectory.PASSWORD, "portal-subscription");
        browser.follow("Administrators", "portal-administrators");
        assertThat(roles()).containsExactly("Service administrator, Account administrator");

        new Select(browser.driver().findElement(By.id("serviceAdministrator")))
                .selectByVisibleText("Alex Wilber (alex@" + directory.domain() + ")");
        browser.press("Change", "portal-service-administrator-changed");

        assertThat(browser.text()).contains("The service administrator was changed.");
        assertThat(roles()).containsExactly("Account administrator", "Service administrator");
        assertThat(browser.driver().findElement(By.id("administrators")).getText())
                .contains("Alex Wilber");
    }

    private static List<String> roles() {
        return browser.driver().findElements(By.cssSelector("#administrators td.roles")).stream()
                .map(cell -> cell.getText().strip())
                .toList();
    }
}
