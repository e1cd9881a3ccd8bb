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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 10: the account administrator opens the subscription's Access control (IAM) in the portal, gives Jane
 * Contributor through "Add role assignment" (role, then a search by name), and sees the assignment listed.
 */
class IamBrowserIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    private static TestDirectory directory;

    @BeforeAll
    static void arrange() {
        ServerApi api = new ServerApi(TenantryProcess.get());
        directory = TestDirectory.signUp(api, "iam");
        DirectoryUsers.add(api, directory, "jane", "Jane Doe");
    }

    @Test
    void addingARoleAssignment() {
        browser.visit("/portal/subscriptions/" + directory.subscriptionId(), "signin");
        browser.signIn(directory.adminUpn(), TestDirectory.PASSWORD, "portal-subscription");
        browser.follow("Access control (IAM)", "portal-iam");
        assertThat(principals()).containsExactly(TestDirectory.ADMIN_NAME);

        browser.follow("Add role assignment", "portal-iam-add");
        new Select(browser.driver().findElement(By.id("role"))).selectByVisibleText("Contributor");
        browser.fill("search", "Jane");
        browser.press("Search", "portal-iam-found");
        WebElement label =
                browser.driver().findElement(By.xpath("//label[starts-with(normalize-space(), 'Jane Doe')]"));
        browser.driver().findElement(By.id(label.getDomAttribute("for"))).click();
        browser.press("Review + assign", "portal-iam-assigned");

        assertThat(browser.text()).contains("Role assignment added.");
        assertThat(principals()).containsExactlyInAnyOrder(TestDirectory.ADMIN_NAME, "Jane Doe");
        assertThat(browser.driver()
                        .findElement(By.xpath("//table[@id='role-assignments']//tr[td[contains(., 'Jane Doe')]]"))
                        .getText())
                .contains("Contributor", "This resource");
    }

    /** The principals' names in the role assignments table (the first line of the first column). */
    private static List<String> principals() {
        return browser.driver().findElements(By.cssSelector("#role-assignments tbody tr td:first-child")).stream()
                .map(cell -> cell.getText().strip().lines().findFirst().orElse(""))
                .toList();
    }
}
