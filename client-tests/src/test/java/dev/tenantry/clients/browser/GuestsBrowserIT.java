package dev.tenantry.clients.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.clients.ServerApi;
import dev.tenantry.clients.TenantryProcess;
import dev.tenantry.clients.TestDirectory;
import java.net.URI;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * Issue 10 (R2): Fabrikam's administrator invites Contoso's administrator in the admin center; the invitee opens the
 * link, signs in with the Contoso account, accepts, and then switches the cloud portal to Fabrikam as its guest.
 */
class GuestsBrowserIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    private static TestDirectory home;
    private static TestDirectory resource;

    @BeforeAll
    static void arrange() {
        ServerApi api = new ServerApi(TenantryProcess.get());
        home = TestDirectory.signUp(api, "guesthome");
        resource = TestDirectory.signUp(api, "guestres");
    }

    @Test
    void invitingRedeemingAndSwitchingDirectory() {
        browser.visit("/admin", "signin");
        browser.signIn(resource.adminUpn(), TestDirectory.PASSWORD, "admin-center");
        browser.follow("Guests", "admin-guests");
        browser.fill("invite-email", home.adminUpn());
        browser.press("Invite", "admin-guest-invited");
        String link = browser.driver().findElement(By.id("redeem-url")).getDomProperty("value");
        assertThat(browser.text()).contains("PendingAcceptance");
        browser.press("Sign out", "signed-out");

        URI redeem = URI.create(link);
        browser.visit(redeem.getRawPath() + "?" + redeem.getRawQuery(), "redeem-signin");
        browser.signIn(home.adminUpn(), TestDirectory.PASSWORD, "redeem-consent");
        assertThat(browser.heading()).isEqualTo("Review permissions");
        assertThat(browser.text()).contains("Compat guestres");
        browser.press("Accept", "redeemed");
        assertThat(browser.path()).isEqualTo("/");

        browser.visit("/portal", "portal-home");
        browser.clickAndWait(browser.driver().findElement(By.partialLinkText("Compat guestres")), "switch-directory");
        browser.press("Switch", "portal-as-guest");
        assertThat(browser.driver()
                        .findElement(By.cssSelector("#directory-switcher a[aria-current='true'] .directory-name"))
                        .getText())
                .isEqualTo("Compat guestres");
    }
}
