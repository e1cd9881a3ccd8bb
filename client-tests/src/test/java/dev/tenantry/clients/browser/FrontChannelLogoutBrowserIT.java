package dev.tenantry.clients.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.tenantry.clients.AppRegistration;
import dev.tenantry.clients.ServerApi;
import dev.tenantry.clients.TenantryProcess;
import dev.tenantry.clients.TestDirectory;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 11: front-channel logout in a real browser. An app at {@code http://localhost:PORT} (a tiny HTTP server of the
 * test that records every request) signs a person in; signing out at {@code end_session} makes Chromium load the app's
 * {@code web.logoutUrl} in a hidden iframe (with {@code sid} and {@code iss}) and then continue to the
 * {@code post_logout_redirect_uri}.
 */
class FrontChannelLogoutBrowserIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    private static final List<String> hits = new CopyOnWriteArrayList<>();
    private static HttpServer app;
    private static TestDirectory directory;
    private static AppRegistration registration;
    private static String origin;

    @BeforeAll
    static void register() throws Exception {
        app = HttpServer.create(new InetSocketAddress(0), 0);
        app.createContext("/", exchange -> {
            hits.add(exchange.getRequestURI().toString());
            byte[] body = "<!DOCTYPE html><title>app</title><p>app page</p>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        app.start();
        origin = "http://localhost:" + app.getAddress().getPort();
        TenantryProcess server = TenantryProcess.get();
        ServerApi api = new ServerApi(server);
        directory = TestDirectory.signUp(api, "fclogout");
        registration = AppRegistration.tryCreate(api, directory, "compat-frontchannel-logout")
                .orElse(null);
        Assumptions.assumeTrue(registration != null, AppRegistration.UNAVAILABLE);
        registration.patch(
                api,
                directory,
                "{\"web\":{\"redirectUris\":[\"" + origin + "/signin-oidc\",\"" + origin + "/signed-out\"],"
                        + "\"logoutUrl\":\"" + origin + "/signout-oidc\"}}");
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.stop(0);
        }
    }

    @Test
    void signingOutLoadsTheAppsLogoutUrlInAFrame() throws Exception {
        String tenant = directory.tenantId();
        browser.driver()
                .get(TenantryProcess.get().baseUrl() + "/" + tenant + "/oauth2/v2.0/authorize?client_id="
                        + registration.appId() + "&response_type=code&scope=openid%20profile%20User.Read"
                        + "&redirect_uri=" + enc(origin + "/signin-oidc") + "&state=s1");
        browser.signIn(directory.adminUpn(), TestDirectory.PASSWORD, "frontchannel-signin");
        assertThat(hits).anySatisfy(hit -> assertThat(hit).startsWith("/signin-oidc?code="));

        browser.driver()
                .get(TenantryProcess.get().baseUrl() + "/" + tenant + "/oauth2/v2.0/logout?client_id="
                        + registration.appId() + "&post_logout_redirect_uri=" + enc(origin + "/signed-out"));
        long deadline = System.currentTimeMillis() + 15_000;
        while (hits.stream().noneMatch(hit -> hit.startsWith("/signed-out")) && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }

        List<String> logouts =
                hits.stream().filter(hit -> hit.startsWith("/signout-oidc")).toList();
        assertThat(logouts).hasSize(1);
        assertThat(logouts.getFirst())
                .matches("/signout-oidc\\?sid=[0-9a-f-]{36}&iss=.*")
                .contains("&iss=" + enc(TenantryProcess.get().baseUrl() + "/" + tenant + "/v2.0"));
        assertThat(hits).anySatisfy(hit -> assertThat(hit).startsWith("/signed-out"));
        assertThat(hits.indexOf(logouts.getFirst()))
                .isLessThan(hits.indexOf(hits.stream()
                        .filter(hit -> hit.startsWith("/signed-out"))
                        .findFirst()
                        .orElseThrow()));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
