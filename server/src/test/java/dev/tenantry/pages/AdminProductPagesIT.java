package dev.tenantry.pages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.app.Services;
import dev.tenantry.directory.NewUser;
import dev.tenantry.directory.User;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.TenantId;
import dev.tenantry.subscriptions.LicenceService.AddLicence;
import dev.tenantry.subscriptions.SuiteSubscription;
import dev.tenantry.testing.CookieClient;
import dev.tenantry.testing.RunningServer;
import dev.tenantry.testing.TestDirectory;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Issue 9: the admin center's "Your products": buy and remove licences, buy a trial, cancel and reactivate. */
class AdminProductPagesIT {

    @RegisterExtension
    static final RunningServer server = new RunningServer();

    private static final String PASSWORD = "Tenantry!2026";
    private static final String ADMIN = "admin@products.onmicrosoft.test";
    private static final String PRODUCTS = "/admin/billing/products";

    private static Services services;
    private static TenantId tenant;
    private static Caller.User admin;

    @BeforeAll
    static void directory() {
        services = server.app().services();
        var created = services.tenants()
                .createDirectory("Products", "US", "products", NewUser.of("Carla Admin", "admin", PASSWORD));
        tenant = created.tenant().id();
        admin = TestDirectory.callerOf(created.admin());
        services.users().createUser(Caller.system(), tenant, NewUser.of("Pete Plain", "pete", PASSWORD));
    }

    private static SuiteSubscription buy(String sku, int seats, boolean trial) {
        return services.subscriptions().buySuiteSubscription(admin, sku, seats, trial);
    }

    private static String action(SuiteSubscription subscription, String form) {
        return PRODUCTS + "/" + subscription.id() + "/" + form;
    }

    @Test
    @DisplayName("issue 9: Buy licences and Remove licences change the seats, with a notice")
    void licencesAreBoughtAndRemoved() {
        SuiteSubscription paid = buy("ENTERPRISEPACK", 25, false);
        CookieClient browser = new CookieClient(server).signIn(ADMIN, PASSWORD);

        HttpResponse<String> bought = browser.postFrom(PRODUCTS, action(paid, "add"), "add", "5");
        String page = browser.get(bought.headers().firstValue("Location").orElseThrow())
                .body();
        browser.postFrom(PRODUCTS, action(paid, "remove"), "remove", "10");

        assertThat(bought.statusCode()).isEqualTo(303);
        assertThat(CookieClient.textOf(page, "notice")).isEqualTo("The licences were bought.");
        assertThat(CookieClient.textOf(page, "seats-" + paid.id())).isEqualTo("0 / 30");
        assertThat(CookieClient.textOf(browser.get(PRODUCTS).body(), "seats-" + paid.id()))
                .isEqualTo("0 / 20");
    }

    @Test
    @DisplayName("issue 9 (R13): removing below the licences assigned shows the refusal next to Remove licences")
    void removingBelowTheAssignedShowsTheError() {
        SuiteSubscription paid = buy("O365_BUSINESS_PREMIUM", 1, false);
        User adele = services.users()
                .createUser(
                        Caller.system(),
                        tenant,
                        new NewUser("Adele", "adele", PASSWORD, null, null, null, true, "US", null));
        services.licences()
                .assignLicense(
                        admin,
                        tenant,
                        adele.id().toString(),
                        List.of(new AddLicence(paid.skuId().toString(), null)),
                        List.of());
        CookieClient browser = new CookieClient(server).signIn(ADMIN, PASSWORD);

        HttpResponse<String> refused = browser.postFrom(PRODUCTS, action(paid, "remove"), "remove", "1");
        HttpResponse<String> notANumber = browser.postFrom(PRODUCTS, action(paid, "add"), "add", "many");

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(CookieClient.textOf(refused.body(), "remove-error-" + paid.id()))
                .contains("Unassign 1 licence first");
        assertThat(refused.body()).contains("aria-invalid=\"true\"");
        assertThat(notANumber.statusCode()).isEqualTo(400);
        assertThat(CookieClient.textOf(notANumber.body(), "add-error-" + paid.id()))
                .isEqualTo("Enter the number of seats as a whole number.");
    }

    @Test
    @DisplayName("issue 9: a trial shows its end and Buy; with no billing profile Buy asks for one, then converts")
    void aTrialIsBoughtWithANewBillingProfile() {
        SuiteSubscription trial = buy("O365_BUSINESS_ESSENTIALS", 5, true);
        CookieClient browser = new CookieClient(server).signIn(ADMIN, PASSWORD);

        String page = browser.get(PRODUCTS).body();
        HttpResponse<String> toBilling = browser.postFrom(PRODUCTS, action(trial, "convert"));
        HttpResponse<String> refused = browser.postFrom(action(trial, "buy"), action(trial, "buy"), "name", "");
        HttpResponse<String> bought = browser.postFrom(
                action(trial, "buy"),
                action(trial, "buy"),
                "name",
                "Carla Admin",
                "email",
                "carla@example.com",
                "phone",
                "+1 425 555 0100",
                "countryCode",
                "US",
                "addressLine1",
                "1 Main St",
                "city",
                "Redmond",
                "postalCode",
                "98052",
                "cardNumber",
                "4111 1111 1111 1111",
                "cardExpiryMonth",
                "12",
                "cardExpiryYear",
                "2099",
                "cardCvc",
                "123");

        assertThat(CookieClient.textOf(page, "ends-" + trial.id())).startsWith("Trial ends ");
        assertThat(page).contains("id=\"convert-submit-" + trial.id() + "\"");
        assertThat(toBilling.statusCode()).isEqualTo(303);
        assertThat(toBilling.headers().firstValue("Location")).hasValue(action(trial, "buy"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"name-error\"");
        assertThat(bought.statusCode()).as(bought.body()).isEqualTo(303);
        SuiteSubscription paid = services.subscriptions().getSuiteSubscription(admin, tenant, trial.id());
        assertThat(paid.trial()).isFalse();
        assertThat(paid.state()).isEqualTo(SuiteSubscription.State.ENABLED);
    }

    @Test
    @DisplayName("issue 9: Cancel suspends the subscription, Reactivate enables it again")
    void cancelAndReactivate() {
        SuiteSubscription paid = buy("O365_BUSINESS_PREMIUM", 3, false);
        CookieClient browser = new CookieClient(server).signIn(ADMIN, PASSWORD);

        HttpResponse<String> cancelled = browser.postFrom(PRODUCTS, action(paid, "cancel"));
        String page = browser.get(PRODUCTS).body();

        assertThat(cancelled.statusCode()).isEqualTo(303);
        assertThat(CookieClient.textOf(page, "state-" + paid.id())).isEqualTo("Suspended");
        assertThat(CookieClient.textOf(page, "ends-" + paid.id())).startsWith("Disabled; deleted ");
        assertThat(page).doesNotContain("id=\"add-submit-" + paid.id() + "\"");

        browser.postFrom(PRODUCTS, action(paid, "reactivate"));

        assertThat(CookieClient.textOf(browser.get(PRODUCTS).body(), "state-" + paid.id()))
                .isEqualTo("Enabled");
    }

    @Test
    @DisplayName("issue 9 (R6): a form without its CSRF token is refused, and a user without a billing role too")
    void csrfAndRolesAreChecked() {
        SuiteSubscription paid = buy("O365_BUSINESS_PREMIUM", 3, false);
        CookieClient browser = new CookieClient(server).signIn(ADMIN, PASSWORD);
        CookieClient pete = new CookieClient(server).signIn("pete@products.onmicrosoft.test", PASSWORD);

        HttpResponse<String> forged = browser.post(action(paid, "cancel"), Map.of("csrf_token", "forged"));
        HttpResponse<String> refused = pete.postFrom(PRODUCTS, action(paid, "cancel"));

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Billing Administrator");
        assertThat(services.subscriptions()
                        .getSuiteSubscription(admin, tenant, paid.id())
                        .state())
                .isEqualTo(SuiteSubscription.State.ENABLED);
    }
}
