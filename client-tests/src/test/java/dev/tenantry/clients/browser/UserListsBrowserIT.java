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

/**
 * R9: the cloud portal's Directory → Users and the admin center's Active users show the same users of the same
 * directory, including one just added in the admin center.
 */
class UserListsBrowserIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    private static TestDirectory directory;

    @BeforeAll
    static void arrange() {
        ServerApi api = new ServerApi(TenantryProcess.get());
        directory = TestDirectory.signUp(api, "lists");
        DirectoryUsers.add(api, directory, "alex", "Alex Wilber");
        DirectoryUsers.add(api, directory, "megan", "Megan Bowen");
    }

    @Test
    void bothConsolesListTheSameUsers() {
        browser.visit("/admin", "signin");
        browser.signIn(directory.adminUpn(), TestDirectory.PASSWORD, "admin-center");
        browser.follow("Users", "admin-active-users");
        browser.follow("Add a user", "admin-add-user");
        browser.fill("displayName", "Lynne Robbins");
        browser.fill("userName", "lynne");
        browser.fill("password", "Robbins!2026x");
        browser.press("Add user", "admin-user-added");
        assertThat(browser.heading()).isEqualTo("Lynne Robbins");

        browser.follow("Users", "admin-active-users-after");
        List<String> adminCenter = rows();

        browser.follow("Cloud portal", "portal");
        browser.follow("Directory", "portal-users");
        assertThat(browser.heading()).isEqualTo("Users");
        List<String> portal = rows();

        assertThat(adminCenter)
                .contains(
                        TestDirectory.ADMIN_NAME + " " + directory.adminUpn(),
                        "Alex Wilber alex@" + directory.domain(),
                        "Megan Bowen megan@" + directory.domain(),
                        "Lynne Robbins lynne@" + directory.domain())
                .hasSize(4);
        assertThat(portal).containsExactlyElementsOf(adminCenter);
    }

    /** Each row of the users table as "display name, UPN" (the account column left out). */
    private static List<String> rows() {
        return browser.driver().findElements(By.cssSelector("#users tbody tr")).stream()
                .map(row -> row.findElements(By.tagName("td")))
                .map(cells -> text(cells.get(0)) + " " + text(cells.get(1)))
                .toList();
    }

    private static String text(WebElement cell) {
        return cell.getText().strip();
    }
}
