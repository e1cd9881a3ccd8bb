package dev.tenantry.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.clients.AppRegistration;
import dev.tenantry.clients.ServerApi;
import dev.tenantry.clients.TenantryProcess;
import dev.tenantry.clients.TestDirectory;
import dev.tenantry.clients.browser.Browser;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 11: a Spring Boot 3 web application ({@code spring-boot-starter-oauth2-client}, configured only by issuer-uri,
 * client id and secret) signs a person in through Tenantry in headless Chromium, shows the name and the groups of the
 * ID token, and signs out through Tenantry's {@code end_session_endpoint} (Spring's
 * {@code OidcClientInitiatedLogoutSuccessHandler}).
 */
class SpringSignInBrowserIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    private static TestDirectory directory;
    private static ServerApi api;
    private static String admin;
    private static AppRegistration app;
    private static String groupId;
    private static ConfigurableApplicationContext spring;
    private static String appUrl;

    @BeforeAll
    static void registerAndStart() {
        TenantryProcess server = TenantryProcess.get();
        api = new ServerApi(server);
        directory = TestDirectory.signUp(api, "spring");
        admin = api.passwordToken(
                directory.tenantId(),
                directory.adminUpn(),
                TestDirectory.PASSWORD,
                "https://graph.microsoft.com/.default");
        groupId = api.postJson("/v1.0/groups", """
                        {"displayName":"Spring Readers","mailEnabled":false,"mailNickname":"springreaders",
                         "securityEnabled":true,
                         "members@odata.bind":["https://graph.microsoft.com/v1.0/directoryObjects/%s"]}""".formatted(directory.adminObjectId()), admin)
                .requireStatus(201)
                .body()
                .get("id")
                .asText();
        app = AppRegistration.tryCreate(api, directory, "spring-web-app").orElseThrow();
        spring = SignInApp.start(server.baseUrl() + "/" + directory.tenantId() + "/v2.0", app.appId(), app.secret());
        int port = ((WebServerApplicationContext) spring).getWebServer().getPort();
        appUrl = "http://localhost:" + port;
        app.patch(api, directory, """
                {"groupMembershipClaims":"SecurityGroup",
                 "web":{"redirectUris":["%s/login/oauth2/code/tenantry","%s/"]}}""".formatted(appUrl, appUrl));
    }

    @AfterAll
    static void stop() {
        if (spring != null) {
            spring.close();
        }
    }

    @Test
    @DisplayName("issue 11: Spring's oauth2Login signs in through Tenantry, shows name and groups, and signs out")
    void signInShowsNameAndGroupsThenSignsOut() {
        browser.driver().get(appUrl + "/me");
        browser.screenshot("signin");
        assertThat(browser.driver().getCurrentUrl()).startsWith(browser.baseUrl() + "/signin");
        browser.signIn(directory.adminUpn(), TestDirectory.PASSWORD, "signed-in");
        if (!browser.driver().findElements(By.id("consent-accept")).isEmpty()) {
            browser.clickAndWait(browser.driver().findElement(By.id("consent-accept")), "consented");
        }

        assertThat(browser.driver().getCurrentUrl()).startsWith(appUrl + "/me");
        assertThat(browser.driver().findElement(By.id("name")).getText()).isEqualTo(TestDirectory.ADMIN_NAME);
        assertThat(browser.driver().findElement(By.id("username")).getText()).isEqualTo(directory.adminUpn());
        assertThat(browser.driver().findElement(By.id("groups")).getText()).contains(groupId);

        browser.press("Sign out", "signed-out");
        assertThat(browser.driver().getCurrentUrl()).isEqualTo(appUrl + "/");
        assertThat(browser.driver().findElement(By.id("status")).getText()).isEqualTo("You are signed out.");

        // Tenantry's session ended too: the application's next sign-in asks for the password again
        browser.driver().get(appUrl + "/me");
        browser.screenshot("signin-again");
        assertThat(browser.driver().getCurrentUrl()).startsWith(browser.baseUrl() + "/signin");
    }

    @Test
    @DisplayName("issue 11: a post_logout_redirect_uri the registration does not list, even on its origin, is refused")
    void unregisteredPostLogoutRedirectIsRefused() {
        ServerApi.Reply refused = api.get(
                "/" + directory.tenantId() + "/oauth2/v2.0/logout?client_id=" + app.appId()
                        + "&post_logout_redirect_uri="
                        + URLEncoder.encode(appUrl + "/elsewhere", StandardCharsets.UTF_8),
                null);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.raw()).contains("AADSTS50011");
    }
}
