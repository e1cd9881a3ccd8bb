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
 * Issue 9: an administrator creates a group in the admin center, adds two members picked by name, removes one, and
 * the cloud portal's Directory → Groups shows the same group with the member who stayed.
 */
class GroupsBrowserIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    private static TestDirectory directory;

    @BeforeAll
    static void arrange() {
        ServerApi api = new ServerApi(TenantryProcess.get());
        directory = TestDirectory.signUp(api, "groups");
        DirectoryUsers.add(api, directory, "alex", "Alex Wilber");
        DirectoryUsers.add(api, directory, "megan", "Megan Bowen");
    }

    @Test
    void creatingAGroupAndAddingMembers() {
        browser.visit("/admin", "signin");
        browser.signIn(directory.adminUpn(), TestDirectory.PASSWORD, "admin-center");
        browser.follow("Groups", "admin-groups");
        browser.follow("Add a group", "admin-add-group");
        browser.fill("displayName", "Marketing");
        browser.fill("mailNickname", "marketing");
        browser.press("Create group", "admin-group-created");
        assertThat(browser.heading()).isEqualTo("Marketing");

        addMember("Alex", "Alex Wilber");
        addMember("Megan", "Megan Bowen");
        assertThat(names("members")).containsExactlyInAnyOrder("Alex Wilber", "Megan Bowen");

        browser.clickAndWait(
                browser.driver().findElement(By.cssSelector("#members button[aria-label='Remove Alex Wilber']")),
                "admin-member-removed");
        assertThat(names("members")).containsExactly("Megan Bowen");

        browser.follow("Cloud portal", "portal");
        browser.follow("Directory", "portal-users");
        browser.follow("Groups", "portal-groups");
        assertThat(names("groups")).containsExactly("Marketing");
        browser.follow("Marketing", "portal-group");
        assertThat(names("members")).containsExactly("Megan Bowen");
        assertThat(names("owners")).containsExactly(TestDirectory.ADMIN_NAME);
    }

    /** On the group's page: "Add members", search by {@code search}, tick {@code displayName}, add it. */
    private static void addMember(String search, String displayName) {
        browser.follow("Add members", "admin-pick-" + search);
        browser.fill("search", search);
        browser.press("Search", "admin-found-" + search);
        WebElement label = browser.driver()
                .findElement(By.xpath("//label[starts-with(normalize-space(), '" + displayName + "')]"));
        browser.driver().findElement(By.id(label.getDomAttribute("for"))).click();
        browser.press("Add selected", "admin-added-" + search);
        assertThat(browser.text()).contains("The member was added.");
    }

    /** The names in the first column of the table {@code id}. */
    private static List<String> names(String id) {
        return browser.driver().findElements(By.cssSelector("#" + id + " tbody tr td:first-child")).stream()
                .map(cell -> cell.getText().strip())
                .toList();
    }
}
