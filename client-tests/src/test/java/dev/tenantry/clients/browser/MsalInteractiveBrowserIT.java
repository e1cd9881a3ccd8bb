package dev.tenantry.clients.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.InteractiveRequestParameters;
import com.microsoft.aad.msal4j.OpenBrowserAction;
import com.microsoft.aad.msal4j.PublicClientApplication;
import com.microsoft.aad.msal4j.SilentParameters;
import com.microsoft.aad.msal4j.SystemBrowserOptions;
import dev.tenantry.clients.AppRegistration;
import dev.tenantry.clients.Clients;
import dev.tenantry.clients.ServerApi;
import dev.tenantry.clients.TenantryProcess;
import dev.tenantry.clients.TestDirectory;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 11: MSAL4J's interactive sign-in ({@code acquireToken(InteractiveRequestParameters)}, authorization code with
 * PKCE to a {@code http://localhost} redirect URI) through the shared sign-in page, with the system browser replaced by
 * the test's headless Chromium: MSAL hands the authorize URL to WebDriver, which signs in as a person would.
 */
class MsalInteractiveBrowserIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    private static TestDirectory directory;
    private static AppRegistration app;
    private static Clients clients;

    @BeforeAll
    static void register() {
        TenantryProcess server = TenantryProcess.get();
        ServerApi api = new ServerApi(server);
        clients = new Clients(server);
        directory = TestDirectory.signUp(api, "msalint");
        app = AppRegistration.tryCreate(api, directory, "compat-msal-interactive")
                .orElse(null);
        Assumptions.assumeTrue(app != null, AppRegistration.UNAVAILABLE);
        app.patch(api, directory, "{\"publicClient\":{\"redirectUris\":[\"http://localhost\"]}}");
    }

    @Test
    void interactiveSignInThroughTheSignInPage() throws Exception {
        PublicClientApplication pca = PublicClientApplication.builder(app.appId())
                .authority(clients.authority(directory.tenantId()))
                .instanceDiscovery(false)
                .build();
        OpenBrowserAction signInInChromium = url -> {
            browser.driver().get(url.toString());
            browser.signIn(directory.adminUpn(), TestDirectory.PASSWORD, "msal-interactive");
        };
        InteractiveRequestParameters parameters = InteractiveRequestParameters.builder(new URI("http://localhost"))
                .scopes(Set.of("User.Read"))
                .systemBrowserOptions(SystemBrowserOptions.builder()
                        .openBrowserAction(signInInChromium)
                        .build())
                .build();

        IAuthenticationResult result = pca.acquireToken(parameters).get(60, TimeUnit.SECONDS);

        assertThat(result.accessToken()).isNotBlank();
        assertThat(result.account()).isNotNull();
        assertThat(result.account().username()).isEqualTo(directory.adminUpn());
        assertThat(result.account().homeAccountId()).isEqualTo(directory.adminObjectId() + "." + directory.tenantId());
        assertThat(result.scopes()).containsIgnoringCase("User.Read");

        if (!TenantryProcess.get().onPort443()) {
            return; // MSAL's cache keys drop the port (compat P1): silent refresh is measured on port 443 only
        }
        // the account MSAL made from the ID token and client_info refreshes silently with the refresh token
        IAuthenticationResult silent = pca.acquireTokenSilently(
                        SilentParameters.builder(Set.of("User.Read"), result.account())
                                .forceRefresh(true)
                                .build())
                .get(30, TimeUnit.SECONDS);
        assertThat(silent.accessToken()).isNotEqualTo(result.accessToken());
    }
}
