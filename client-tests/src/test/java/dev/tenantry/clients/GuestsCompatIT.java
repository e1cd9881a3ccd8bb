package dev.tenantry.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.MsalServiceException;
import com.microsoft.aad.msal4j.PublicClientApplication;
import com.microsoft.aad.msal4j.UserNamePasswordParameters;
import com.microsoft.graph.models.Invitation;
import com.microsoft.graph.models.User;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 10: the Microsoft Graph SDK invites a guest, the invitee redeems on the pages, and MSAL4J signs the home
 * account in to the inviting directory, where the token is the guest object's (R2).
 */
class GuestsCompatIT {

    private static final Set<String> GRAPH = Set.of(Clients.GRAPH);
    private static final String REDIRECT = "https://myapp.example.com/welcome";
    private static final Pattern HIDDEN = Pattern.compile("type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"");

    @BeforeEach
    void needsPort443() {
        CompatReport.assumePort443("the Graph SDK and MSAL4J");
    }

    @Test
    @DisplayName("R2: Graph SDK invitations, redeeming on the pages, MSAL4J guest sign-in into the resource directory")
    void inviteRedeemAndSignInAsGuest() throws Exception {
        TenantryProcess server = TenantryProcess.get();
        ServerApi api = new ServerApi(server);
        Clients clients = new Clients(server);
        TestDirectory home = TestDirectory.signUp(api, "guesthome");
        TestDirectory resource = TestDirectory.signUp(api, "guestres");
        GraphServiceClient graph =
                clients.graph(clients.userPassword(resource.tenantId(), resource.adminUpn(), TestDirectory.PASSWORD));

        Invitation request = new Invitation();
        request.setInvitedUserEmailAddress(home.adminUpn());
        request.setInviteRedirectUrl(REDIRECT);
        request.setSendInvitationMessage(false);
        Invitation invitation = graph.invitations().post(request);

        assertThat(invitation.getStatus()).isEqualTo("PendingAcceptance");
        String guestId = invitation.getInvitedUser().getId();
        PublicClientApplication pca = clients.msalPublic(resource.tenantId());
        CompletionException pending = catchThrowableOfType(CompletionException.class, () -> signIn(pca, home));
        assertThat(pending.getCause()).isInstanceOf(MsalServiceException.class);
        assertThat(pending.getCause().getMessage()).contains("AADSTS50020");

        redeem(server, invitation.getInviteRedeemUrl(), home);
        IAuthenticationResult result = signIn(pca, home);

        JsonNode claims = new ObjectMapper()
                .readTree(Base64.getUrlDecoder().decode(result.accessToken().split("\\.")[1]));
        assertThat(claims.get("tid").asText()).isEqualTo(resource.tenantId());
        assertThat(claims.get("oid").asText()).isEqualTo(guestId);
        assertThat(claims.get("idp").asText()).isEqualTo("https://sts.windows.net/" + home.tenantId() + "/");
        assertThat(result.account().homeAccountId()).isEqualTo(home.adminObjectId() + "." + home.tenantId());
        User guest = graph.users()
                .byUserId(guestId)
                .get(rc -> rc.queryParameters.select =
                        new String[] {"id", "userType", "creationType", "externalUserState", "otherMails"});
        assertThat(guest.getUserType()).isEqualTo("Guest");
        assertThat(guest.getCreationType()).isEqualTo("Invitation");
        assertThat(guest.getExternalUserState()).isEqualTo("Accepted");
        assertThat(guest.getOtherMails()).containsExactly(home.adminUpn());
    }

    private static IAuthenticationResult signIn(PublicClientApplication pca, TestDirectory home) {
        return pca.acquireToken(
                        UserNamePasswordParameters.builder(GRAPH, home.adminUpn(), TestDirectory.PASSWORD.toCharArray())
                                .build())
                .join();
    }

    /** Opens the redeem URL, signs in on the sign-in page with the home account, and accepts. */
    private static void redeem(TenantryProcess server, String redeemUrl, TestDirectory home)
            throws IOException, InterruptedException {
        HttpClient browser = HttpClient.newBuilder()
                .sslContext(ServerTrust.context())
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        URI redeem = URI.create(redeemUrl);
        String path = redeem.getRawPath() + "?" + redeem.getRawQuery();
        HttpResponse<String> signInPage = get(browser, server, "/signin?returnUrl=" + encode(path));
        Map<String, String> signIn = hidden(signInPage.body());
        signIn.put("username", home.adminUpn());
        signIn.put("password", TestDirectory.PASSWORD);
        assertThat(post(browser, server, "/signin", signIn).statusCode()).isEqualTo(303);

        HttpResponse<String> consent = get(browser, server, path);
        assertThat(consent.statusCode()).isEqualTo(200);
        HttpResponse<String> accepted = post(browser, server, "/redeem", hidden(consent.body()));

        assertThat(accepted.statusCode()).isEqualTo(303);
        assertThat(accepted.headers().firstValue("Location")).hasValue(REDIRECT);
    }

    private static HttpResponse<String> get(HttpClient browser, TenantryProcess server, String path)
            throws IOException, InterruptedException {
        return browser.send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(
            HttpClient browser, TenantryProcess server, String path, Map<String, String> fields)
            throws IOException, InterruptedException {
        String form = fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return browser.send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> hidden(String html) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher matcher = HIDDEN.matcher(html);
        while (matcher.find()) {
            fields.put(matcher.group(1), matcher.group(2).replace("&#61;", "=").replace("&amp;", "&"));
        }
        return fields;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
