package dev.tenantry.clients.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenantry.clients.ServerApi;
import dev.tenantry.clients.TenantryProcess;
import dev.tenantry.clients.TestDirectory;
import java.net.URI;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The brief's last next step in a browser (issue 10, R2, R11): Fabrikam bought the suite; Kelley bought a cloud
 * subscription separately, in her own directory. Fabrikam's administrator invites Kelley as a guest in the admin
 * center, Kelley accepts with her own account and moves the subscription into Fabrikam from the portal's Change
 * directory tab; then Fabrikam's admin center lists the subscription and both consoles show the same users.
 */
class ChangeDirectoryStoryBrowserIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    private static String fabrikamName;
    private static String meganUpn;
    private static TestDirectory contoso;

    @BeforeAll
    static void arrange() {
        ServerApi api = new ServerApi(TenantryProcess.get());
        String prefix = ("fabstory" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
        fabrikamName = "Fabrikam " + prefix;
        JsonNode suite = api.postJson("/api/signups", """
                        {"organization":"%s","domainPrefix":"%s","countryCode":"US",
                         "admin":{"displayName":"Megan Bowen","userName":"megan","password":"%s"},
                         "product":"O365_BUSINESS_ESSENTIALS"}
                        """.formatted(fabrikamName, prefix, TestDirectory.PASSWORD), null)
                .requireStatus(201)
                .body();
        meganUpn = suite.at("/admin/userPrincipalName").asText();
        contoso = TestDirectory.signUp(api, "contosostory");
    }

    @Test
    void inviteRedeemAndMoveTheSubscriptionIntoTheSuitesDirectory() {
        // Fabrikam's administrator invites Kelley in the admin center
        browser.visit("/admin", "signin");
        browser.signIn(meganUpn, TestDirectory.PASSWORD, "admin-center");
        browser.follow("Guests", "admin-guests");
        browser.fill("invite-email", contoso.adminUpn());
        browser.press("Invite", "admin-guest-invited");
        String link = browser.driver().findElement(By.id("redeem-url")).getDomProperty("value");
        browser.press("Sign out", "megan-signed-out");

        // Kelley accepts with her Contoso account
        URI redeem = URI.create(link);
        browser.visit(redeem.getRawPath() + "?" + redeem.getRawQuery(), "redeem-signin");
        browser.signIn(contoso.adminUpn(), TestDirectory.PASSWORD, "redeem-consent");
        browser.press("Accept", "redeemed");

        // Kelley moves her subscription to Fabrikam: pick the directory, review what goes, confirm
        browser.visit("/portal/subscriptions/" + contoso.subscriptionId(), "kelley-subscription");
        browser.follow("Change directory", "change-directory");
        new Select(browser.driver().findElement(By.id("targetTenantId")))
                .selectByVisibleText(browser.driver().findElements(By.cssSelector("#targetTenantId option")).stream()
                        .map(o -> o.getText())
                        .filter(t -> t.startsWith(fabrikamName))
                        .findFirst()
                        .orElseThrow());
        browser.press("Review the change", "change-directory-confirm");
        assertThat(browser.text()).contains("Move to " + fabrikamName + "?").contains("Owner");
        browser.press("Move subscription", "change-directory-done");
        assertThat(browser.driver().findElement(By.id("change-directory-done")).getText())
                .contains(fabrikamName);
        browser.press("Sign out", "kelley-signed-out");

        // Fabrikam's consoles: the admin center lists the subscription, and both show the same users
        browser.visit("/admin/billing/products", "megan-signin-again");
        browser.signIn(meganUpn, TestDirectory.PASSWORD, "megan-products");
        assertThat(browser.driver()
                        .findElements(By.id("cloud-" + contoso.subscriptionId()))
                        .size())
                .isEqualTo(1);
        String guestUpn = contoso.adminUpn().replace('@', '_') + "#EXT#@";
        browser.visit("/admin/users", "megan-admin-users");
        assertThat(browser.text()).contains(meganUpn).contains(guestUpn);
        browser.visit("/portal/directory/users", "megan-portal-users");
        assertThat(browser.text()).contains(meganUpn).contains(guestUpn);
    }
}
