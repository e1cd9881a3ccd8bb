package dev.tenantry.spring;

import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * A Spring Boot 3 web application as its authors would write it for Entra (issue 11): {@code oauth2Login} configured
 * only by {@code signin.yml} (issuer-uri, client id, secret, scopes), a page showing the signed-in user's name and the
 * {@code groups} of the ID token, and RP-initiated logout through the provider's {@code end_session_endpoint}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(SignInApp.Pages.class)
public class SignInApp {

    /** Starts the application on a free port with {@code signin.yml} and the three values it names. */
    public static ConfigurableApplicationContext start(String issuerUri, String clientId, String clientSecret) {
        return new SpringApplicationBuilder(SignInApp.class)
                .properties(Map.of(
                        "spring.config.name",
                        "signin",
                        "server.port",
                        "0",
                        "tenantry.issuer-uri",
                        issuerUri,
                        "tenantry.client-id",
                        clientId,
                        "tenantry.client-secret",
                        clientSecret))
                .run();
    }

    @Bean
    SecurityFilterChain security(HttpSecurity http, ClientRegistrationRepository registrations) throws Exception {
        OidcClientInitiatedLogoutSuccessHandler logout = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        logout.setPostLogoutRedirectUri("{baseUrl}/");
        http.authorizeHttpRequests(requests ->
                        requests.requestMatchers("/").permitAll().anyRequest().authenticated())
                .oauth2Login(Customizer.withDefaults())
                .logout(signOut -> signOut.logoutSuccessHandler(logout));
        return http.build();
    }

    @RestController
    static class Pages {

        @GetMapping(value = "/", produces = MediaType.TEXT_HTML_VALUE)
        String home(@AuthenticationPrincipal OidcUser user) {
            return page(
                    "Home",
                    user == null
                            ? "<p id=\"status\">You are signed out.</p><a href=\"/me\">Sign in</a>"
                            : "<p id=\"status\">Signed in.</p><a href=\"/me\">Your account</a>");
        }

        @GetMapping(value = "/me", produces = MediaType.TEXT_HTML_VALUE)
        String me(@AuthenticationPrincipal OidcUser user, CsrfToken csrf) {
            List<String> groups = user.getClaimAsStringList("groups");
            StringBuilder list = new StringBuilder("<ul id=\"groups\">");
            for (String group : groups == null ? List.<String>of() : groups) {
                list.append("<li>").append(HtmlUtils.htmlEscape(group)).append("</li>");
            }
            list.append("</ul>");
            return page(
                    "Your account",
                    "<p>Signed in as <span id=\"name\">" + HtmlUtils.htmlEscape(user.getFullName()) + "</span> (<span"
                            + " id=\"username\">" + HtmlUtils.htmlEscape(user.getPreferredUsername())
                            + "</span>)</p><h2>Groups</h2>" + list
                            + "<form method=\"post\" action=\"/logout\"><input type=\"hidden\" name=\""
                            + csrf.getParameterName() + "\" value=\"" + HtmlUtils.htmlEscape(csrf.getToken())
                            + "\"><button type=\"submit\">Sign out</button></form>");
        }

        private static String page(String title, String body) {
            return "<!doctype html><html><head><title>" + title + "</title></head><body><h1>" + title + "</h1>" + body
                    + "</body></html>";
        }
    }
}
