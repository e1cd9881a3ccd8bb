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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/** The landing page, the one sign-in page, sign-out, CSRF refusal and keyboard use, in real headless Chromium. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SignInBrowserIT {

    private static final String INCORRECT = "Your account or password is incorrect.";

    @RegisterExtension
    static final Browser browser = new Browser();

    private static TestDirectory directory;

    @BeforeAll
    static void signUp() {
        directory = TestDirectory.signUp(new ServerApi(TenantryProcess.get()), "browser");
    }

    @Test
    @Order(1)
    void landingPageOffersBothProductsAndBothConsoles() {
        browser.visit("/", "landing");

        assertThat(browser.text()).contains("Start free");
        assertThat(browser.driver().findElements(By.cssSelector("main a[href='/store/cloud']")))
                .extracting(WebElement::getText)
                .contains("Start free");
        assertThat(browser.driver().findElements(By.cssSelector("a[href='/portal']")))
                .isNotEmpty();
        assertThat(browser.driver().findElements(By.cssSelector("a[href='/admin']")))
                .isNotEmpty();
    }

    @Test
    @Order(2)
    void wrongPasswordAndUnknownAccountGetTheSameAnswer() {
        browser.visit("/signin", "signin");
        assertThat(browser.driver().findElement(By.id("username")).getAttribute("autocomplete"))
                .isEqualTo("username");

        browser.signIn(directory.adminUpn(), "not-the-password", "wrong-password");
        String wrongPassword =
                browser.driver().findElement(By.id("signin-error")).getText();
        assertThat(wrongPassword).startsWith(INCORRECT);

        browser.visit("/signin", "signin-again");
        browser.signIn("nobody@" + directory.domain(), "not-the-password", "unknown-account");
        assertThat(browser.driver().findElement(By.id("signin-error")).getText())
                .isEqualTo(wrongPassword);
    }

    @Test
    @Order(3)
    void signInReturnsToTheReturnUrlAndSignOutEndsTheSession() {
        browser.visit("/portal", "portal-needs-signin");
        assertThat(browser.path()).startsWith("/signin?returnUrl=");

        browser.signIn(directory.adminUpn(), TestDirectory.PASSWORD, "portal-signed-in");
        assertThat(browser.path()).isEqualTo("/portal");
        assertThat(browser.driver().findElement(By.cssSelector("header .who")).getText())
                .isEqualTo(TestDirectory.ADMIN_NAME);

        browser.press("Sign out", "signed-out");
        assertThat(browser.path()).isEqualTo("/");
        assertThat(browser.driver().findElements(By.cssSelector("header .who"))).isEmpty();
        assertThat(browser.driver()
                        .findElement(By.cssSelector("header a.account"))
                        .getText())
                .isEqualTo("Sign in");

        browser.visit("/portal", "portal-after-signout");
        assertThat(browser.path()).startsWith("/signin");
    }

    @Test
    @Order(4)
    void aPostWithoutTheCsrfTokenIsRefused() {
        browser.visit("/signin", "csrf-start");
        // fetch() from the page, with the session cookie but without the token.
        Object status = browser.script("""
                return fetch('/signin', {method: 'POST', credentials: 'same-origin',
                    headers: {'Content-Type': 'application/x-www-form-urlencoded'},
                    body: 'username=' + encodeURIComponent(arguments[0])}).then(r => r.status);
                """, directory.adminUpn());
        assertThat(status).isEqualTo(403L);

        // A real form, built in the page without the hidden csrf_token field.
        browser.navigate(() -> browser.script("""
                const form = document.createElement('form');
                form.method = 'post';
                form.action = '/signin';
                const user = document.createElement('input');
                user.name = 'username';
                user.value = arguments[0];
                form.appendChild(user);
                document.body.appendChild(form);
                form.submit();
                """, directory.adminUpn()), "csrf-refused");
        assertThat(browser.text()).contains("did not come from this site");
        assertThat(browser.script("return performance.getEntriesByType('navigation')[0].responseStatus"))
                .isEqualTo(403L);
    }

    @Test
    @Order(5)
    void theSignInFormWorksWithTheKeyboardAlone() {
        browser.visit("/signin?returnUrl=%2Fadmin", "keyboard-signin");
        Actions keys = new Actions(browser.driver());
        assertThat(activeId()).isEqualTo("username");

        keys.sendKeys(Keys.TAB).perform();
        assertThat(browser.script("return document.activeElement.textContent.trim()"))
                .isEqualTo("Next");
        assertThat(browser.script("return getComputedStyle(document.activeElement).outlineStyle"))
                .isNotEqualTo("none");
        browser.screenshot("keyboard-focus-next");

        keys.keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
        assertThat(activeId()).isEqualTo("username");
        assertThat(browser.script("return getComputedStyle(document.activeElement).outlineStyle"))
                .isNotEqualTo("none");
        keys.sendKeys(directory.adminUpn()).perform();
        enterAndWait("keyboard-password");
        assertThat(activeId()).isEqualTo("password");

        keys.sendKeys(TestDirectory.PASSWORD).perform();
        enterAndWait("keyboard-signed-in");
        assertThat(browser.path()).isEqualTo("/admin");
        assertThat(browser.driver().findElement(By.cssSelector("header .who")).getText())
                .isEqualTo(TestDirectory.ADMIN_NAME);
    }

    private String activeId() {
        return (String) browser.script("return document.activeElement.id");
    }

    private void enterAndWait(String name) {
        browser.navigate(
                () -> new Actions(browser.driver()).sendKeys(Keys.ENTER).perform(), name);
    }
}
