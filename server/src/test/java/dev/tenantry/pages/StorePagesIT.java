package dev.tenantry.pages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.app.Services;
import dev.tenantry.directory.CreatedDirectory;
import dev.tenantry.directory.NewUser;
import dev.tenantry.directory.User;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.TenantId;
import dev.tenantry.subscriptions.CloudSubscription;
import dev.tenantry.subscriptions.SubscriptionService;
import dev.tenantry.subscriptions.SuiteSubscription;
import dev.tenantry.testing.CookieClient;
import dev.tenantry.testing.RunningServer;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class StorePagesIT {

    @RegisterExtension
    static final RunningServer server = new RunningServer();

    private static final String PASSWORD = "Tenantry!2026";
    private static final String BILLING = "/store/cloud/billing";
    private static final String E3 = "/store/suite/ENTERPRISEPACK";

    private static TenantId fabrikam;
    private static User sam;
    private static TenantId contoso;
    private static TenantId litware;

    @BeforeAll
    static void directories() {
        Services services = server.app().services();
        fabrikam = services.tenants()
                .createDirectory("Fabrikam", "US", "fabrikam", NewUser.of("Fay Admin", "admin", PASSWORD))
                .tenant()
                .id();
        sam = services.users().createUser(Caller.system(), fabrikam, NewUser.of("Sam Plain", "sam", PASSWORD));
        contoso = services.tenants()
                .createDirectory("Contoso", "US", "contoso", NewUser.of("Cody Admin", "admin", PASSWORD))
                .tenant()
                .id();
        CreatedDirectory created = services.tenants()
                .createDirectory("Litware", "NL", "litware", NewUser.of("Lee Admin", "admin", PASSWORD));
        litware = created.tenant().id();
        services.users().createUser(Caller.system(), litware, NewUser.of("Pat Plain", "pat", PASSWORD));
    }

    @Test
    void r7SuiteUserWithNoRoleSignsUpForCloudThroughTheBillingForm() {
        CookieClient browser = new CookieClient(server);
        assertThat(browser.get("/store/cloud").body()).contains("Start free", "href=\"/store/cloud/start\"");
        assertThat(browser.get("/store/cloud/start").body())
                .contains("Sign in with an organisational account", "Create a new account")
                .doesNotContain("MS-AZR-0017P", "Enterprise Agreement");
        HttpResponse<String> anonymous = browser.get(BILLING);
        assertThat(anonymous.headers().firstValue("Location")).hasValue("/signin?returnUrl=%2Fstore%2Fcloud%2Fbilling");

        browser.signIn("sam@fabrikam.onmicrosoft.test", PASSWORD, BILLING);
        Map<String, String> wrong = billing("not-an-email", "4111 1111 1111 1112");
        HttpResponse<String> refused = browser.submit(BILLING, BILLING, wrong);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(flat(refused))
                .contains("value=\"Fabrikam Billing\"", "value=\"Redmond\"", "value=\"US\" selected")
                .contains("id=\"email\" name=\"email\" type=\"email\" value=\"not-an-email\"")
                .contains("aria-invalid=\"true\" aria-describedby=\"email-error\"", "id=\"email-error\"")
                .contains("id=\"cardNumber-error\"", "ending in 1112")
                .doesNotContain("4111 1111 1111 1112", "4111111111111112");
        assertThat(subscriptions().cloudSubscriptionsOf(Caller.system(), fabrikam))
                .isEmpty();

        HttpResponse<String> created = browser.submit(BILLING, BILLING, billing("pay@fabrikam.example", VISA));
        assertThat(created.statusCode()).isEqualTo(303);
        String confirmation = created.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> done = browser.get(confirmation);

        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("Start managing my service", "href=\"/portal\"", "Sam Plain");
        List<CloudSubscription> clouds = subscriptions().cloudSubscriptionsOf(Caller.system(), fabrikam);
        assertThat(clouds).singleElement().satisfies(s -> {
            assertThat(s.accountAdministrator()).isEqualTo(sam.id());
            assertThat(s.offerId()).isEqualTo("MS-AZR-0044P");
            assertThat(confirmation).endsWith(s.id().toString());
        });
    }

    @Test
    void r6GlobalAdministratorOrdersASuiteTrialAndGetsAReceipt() {
        CookieClient browser = new CookieClient(server);
        assertThat(browser.get("/store/suite").body())
                .contains("Microsoft 365 Business Basic", "Office 365 E3", "Try free for 30 days");
        assertThat(browser.get(E3 + "/trial").body())
                .contains("href=\"/signin?returnUrl=/store/suite/ENTERPRISEPACK/confirm\"");

        browser.signIn("admin@contoso.onmicrosoft.test", PASSWORD, E3 + "/confirm");
        assertThat(browser.get(E3 + "/confirm").body()).contains("Confirm your order", "Try now", "value=\"25\"");
        HttpResponse<String> ordered = browser.submit(E3 + "/confirm", E3 + "/confirm", Map.of("seats", "10"));

        assertThat(ordered.statusCode()).isEqualTo(303);
        HttpResponse<String> receipt =
                browser.get(ordered.headers().firstValue("Location").orElseThrow());
        assertThat(receipt.body()).contains("Order receipt", "Office 365 E3", "href=\"/admin\"", "Continue");
        assertThat(subscriptions().suiteSubscriptions(Caller.system(), contoso))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.skuPartNumber()).isEqualTo("ENTERPRISEPACK");
                    assertThat(s.seatsEnabled()).isEqualTo(10);
                    assertThat(s.trial()).isTrue();
                });
    }

    @Test
    void r6UserWithoutBillingRoleSeesTheRolesAndWhoHoldsThemAndNothingIsCreated() {
        CookieClient browser = new CookieClient(server);
        browser.signIn("pat@litware.onmicrosoft.test", PASSWORD, E3 + "/confirm");

        HttpResponse<String> refused = browser.submit(E3 + "/confirm", E3 + "/confirm", Map.of("seats", "25"));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body())
                .contains("Global Administrator", "Billing Administrator")
                .contains("Lee Admin", "admin@litware.onmicrosoft.test");
        List<SuiteSubscription> suites = subscriptions().suiteSubscriptions(Caller.system(), litware);
        assertThat(suites).isEmpty();
    }

    @Test
    void r8NewCustomerGetsADirectoryAnAdminSignedInAndTheTrialInOneStep() {
        CookieClient browser = new CookieClient(server);
        String trial = "/store/suite/O365_BUSINESS_ESSENTIALS/trial";
        String anonymousCookie = browser.cookie();

        HttpResponse<String> created = browser.submit(trial, trial, organisation("northwind", PASSWORD));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
        assertThat(browser.cookie()).isNotEqualTo(anonymousCookie);
        HttpResponse<String> receipt =
                browser.get(created.headers().firstValue("Location").orElseThrow());
        assertThat(receipt.statusCode()).isEqualTo(200);
        assertThat(receipt.body()).contains("Order receipt", "Microsoft 365 Business Basic", "Nora North");
        TenantId northwind = server.app()
                .services()
                .tenants()
                .findTenant("northwind.onmicrosoft.test")
                .orElseThrow()
                .id();
        assertThat(subscriptions().suiteSubscriptions(Caller.system(), northwind))
                .singleElement()
                .satisfies(s -> assertThat(s.seatsEnabled()).isEqualTo(25));
    }

    @Test
    void r8NewCustomerSignsUpForTheCloudFreeTrial() {
        CookieClient browser = new CookieClient(server);
        String signUp = "/store/cloud/signup";

        HttpResponse<String> created = browser.submit(signUp, signUp, organisation("adatum", PASSWORD));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
        HttpResponse<String> done =
                browser.get(created.headers().firstValue("Location").orElseThrow());
        assertThat(done.body()).contains("Start managing my service", "Free Trial", "Nora North");
    }

    @Test
    void takenDomainPrefixComesBackNextToTheFieldWithTheValuesKept() {
        CookieClient browser = new CookieClient(server);
        String trial = E3 + "/trial";

        HttpResponse<String> taken = browser.submit(trial, trial, organisation("fabrikam", PASSWORD));

        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(flat(taken))
                .contains("value=\"fabrikam\" autocomplete=\"off\" aria-invalid=\"true\"")
                .contains("id=\"domainPrefix-error\"", "already taken")
                .contains("value=\"Northwind Traders\"", "value=\"Nora North\"", "value=\"nora\"")
                .doesNotContain(PASSWORD);
    }

    @Test
    void weakPasswordComesBackNextToThePasswordField() {
        CookieClient browser = new CookieClient(server);
        String trial = E3 + "/trial";

        HttpResponse<String> weak = browser.submit(trial, trial, organisation("weakling", "short"));

        assertThat(weak.statusCode()).isEqualTo(422);
        assertThat(weak.body()).contains("id=\"password-error\"").doesNotContain("value=\"short\"");
        assertThat(server.app().services().tenants().findTenant("weakling.onmicrosoft.test"))
                .isEmpty();
    }

    @Test
    void domainCheckScriptIsSelfHostedAndTheFormWorksWithoutIt() {
        HttpResponse<String> script = server.get("/static/store-domain.js");
        HttpResponse<String> availability = server.get("/api/domains/fabrikam/availability");

        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).contains("javascript"));
        assertThat(script.body()).contains("/api/domains/", "/availability");
        assertThat(availability.body()).contains("\"available\":false");
        assertThat(server.get(E3 + "/trial").body())
                .contains("<script src=\"/static/store-domain.js\" defer></script>", "id=\"domainPrefix-status\"");
    }

    @Test
    void postWithoutCsrfTokenIsForbidden() {
        CookieClient browser = new CookieClient(server);
        browser.get(E3 + "/trial");

        HttpResponse<String> response = browser.post(E3 + "/trial", organisation("nocsrf", PASSWORD));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(server.app().services().tenants().findTenant("nocsrf.onmicrosoft.test"))
                .isEmpty();
    }

    private static final String VISA = "4111 1111 1111 1111";

    private static Map<String, String> billing(String email, String cardNumber) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", "Fabrikam Billing");
        form.put("email", email);
        form.put("phone", "+1 425 555 0100");
        form.put("countryCode", "US");
        form.put("addressLine1", "1 Main Street");
        form.put("city", "Redmond");
        form.put("postalCode", "98052");
        form.put("cardNumber", cardNumber);
        form.put("cardExpiryMonth", "12");
        form.put("cardExpiryYear", "2030");
        form.put("cardCvc", "123");
        return form;
    }

    private static Map<String, String> organisation(String domainPrefix, String password) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("organization", "Northwind Traders");
        form.put("domainPrefix", domainPrefix);
        form.put("countryCode", "US");
        form.put("adminName", "Nora North");
        form.put("userName", "nora");
        form.put("password", password);
        return form;
    }

    /** The page with every run of white space as one space, so assertions do not depend on line breaks. */
    private static String flat(HttpResponse<String> page) {
        return page.body().replaceAll("\\s+", " ");
    }

    private static SubscriptionService subscriptions() {
        return server.app().services().subscriptions();
    }
}
