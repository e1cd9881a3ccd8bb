package dev.tenantry.pages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.app.Services;
import dev.tenantry.directory.Group;
import dev.tenantry.directory.NewUser;
import dev.tenantry.directory.User;
import dev.tenantry.directory.groups.NewGroup;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.TenantId;
import dev.tenantry.subscriptions.LicenceAssignment;
import dev.tenantry.subscriptions.LicenceService.AddLicence;
import dev.tenantry.subscriptions.ServicePlan;
import dev.tenantry.subscriptions.Sku;
import dev.tenantry.testing.CookieClient;
import dev.tenantry.testing.RunningServer;
import dev.tenantry.testing.TestDirectory;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 9 (R13): the admin center's "Billing / Licenses" (products, who holds one, assign and unassign), a user's
 * "Licenses and apps", and the licences on the portal's user profile, over HTTPS.
 */
class LicencePagesIT {

    @RegisterExtension
    static final RunningServer server = new RunningServer();

    private static final String PASSWORD = "Tenantry!2026";
    private static final String LICENSES = "/admin/billing/licenses";

    /** A directory of its own for each test: its administrator and users with and without a usage location. */
    private record Org(Services services, TenantId tenant, Caller.User admin, String domain) {

        static Org create(String prefix) {
            Services services = server.app().services();
            var created = services.tenants()
                    .createDirectory("Org " + prefix, "US", prefix, NewUser.of("Carla Admin", "admin", PASSWORD));
            return new Org(
                    services,
                    created.tenant().id(),
                    TestDirectory.callerOf(created.admin()),
                    created.tenant().initialDomain());
        }

        User user(String alias, String displayName, String usageLocation) {
            return services.users()
                    .createUser(
                            Caller.system(),
                            tenant,
                            new NewUser(displayName, alias, PASSWORD, null, null, null, true, usageLocation, null));
        }

        Sku buy(String partNumber, int seats) {
            services.subscriptions().buySuiteSubscription(admin, partNumber, seats, false);
            return services.subscriptions().catalog().requireSku(partNumber);
        }

        void assign(User user, Sku sku) {
            services.licences()
                    .assignLicense(
                            admin,
                            tenant,
                            user.id().toString(),
                            List.of(new AddLicence(sku.skuId().toString(), null)),
                            List.of());
        }

        Group licensedGroup(String name, Sku sku, User... members) {
            Group group = services.groups()
                    .create(
                            admin,
                            tenant,
                            new NewGroup(
                                    name,
                                    null,
                                    name.toLowerCase(java.util.Locale.ROOT),
                                    false,
                                    true,
                                    List.of(),
                                    null,
                                    Arrays.stream(members)
                                            .map(u -> u.id().toString())
                                            .toList(),
                                    List.of()));
            services.licences()
                    .assignGroupLicense(
                            admin,
                            tenant,
                            group.id().toString(),
                            List.of(new AddLicence(sku.skuId().toString(), null)),
                            List.of());
            return group;
        }

        List<LicenceAssignment> licencesOf(User user) {
            return services.licences().licencesOf(admin, tenant, user.id().toString());
        }

        CookieClient signedInAdmin() {
            return new CookieClient(server).signIn("admin@" + domain, PASSWORD);
        }
    }

    private static String product(Sku sku) {
        return LICENSES + "/" + sku.skuId();
    }

    private static String userLicences(User user) {
        return "/admin/users/" + user.id() + "/licenses";
    }

    @Test
    @DisplayName("issue 9: Billing → Licenses lists each product with assigned / available; its page says who holds it"
            + " and how, and who is in error with Graph's reason and the fix")
    void licensesPageAndProductPage() {
        Org org = Org.create("lic-list");
        Sku premium = org.buy("O365_BUSINESS_PREMIUM", 3);
        User adele = org.user("adele", "Adele Vance", "US");
        User nowhere = org.user("nowhere", "Nora Nowhere", null);
        org.assign(adele, premium);
        Group sales = org.licensedGroup("Sales", premium, adele, nowhere);
        CookieClient browser = org.signedInAdmin();

        String list = browser.get(LICENSES).body();
        String page = browser.get(product(premium)).body();

        String sku = premium.skuId().toString();
        assertThat(CookieClient.textOf(list, "product-" + sku)).isEqualTo(premium.displayName());
        assertThat(CookieClient.textOf(list, "assigned-" + sku)).isEqualTo("1");
        assertThat(CookieClient.textOf(list, "available-" + sku)).isEqualTo("2");
        assertThat(CookieClient.textOf(list, "total-" + sku)).isEqualTo("3");
        assertThat(CookieClient.textOf(list, "state-" + sku)).isEqualTo("Enabled");
        assertThat(CookieClient.textOf(page, "how-" + adele.id())).isEqualTo("Directly");
        assertThat(CookieClient.textOf(page, "how-" + adele.id() + "-" + sales.id()))
                .isEqualTo("By group Sales");
        assertThat(CookieClient.textOf(page, "error-" + nowhere.id() + "-" + sales.id()))
                .contains("ProhibitedInUsageLocationViolation");
        assertThat(page)
                .contains("href=\"/admin/users/" + nowhere.id() + "/licenses#usageLocation\"")
                .contains("id=\"unassign-" + adele.id() + "\"")
                .doesNotContain("id=\"unassign-" + nowhere.id() + "\"")
                .contains("Change it on the group Sales.");
    }

    @Test
    @DisplayName("r13 (issue 9): Assign licences gives the product to the users picked; one without a usage location"
            + " or past the last seat is shown with Graph's error and the fix, the others keep theirs")
    void assignFromTheProductPage() {
        Org org = Org.create("lic-assign");
        Sku premium = org.buy("O365_BUSINESS_PREMIUM", 2);
        User adele = org.user("adele", "Adele Vance", "US");
        User alex = org.user("alex", "Alex Wilber", "US");
        User megan = org.user("megan", "Megan Bowen", "US");
        User nowhere = org.user("nowhere", "Nora Nowhere", null);
        CookieClient browser = org.signedInAdmin();

        String picker = browser.get(product(premium) + "?search=Ad").body();
        HttpResponse<String> assigned = browser.post(
                product(premium) + "/assign",
                "csrf_token=" + browser.csrf(product(premium)) + "&users=" + enc(adele) + "&users=" + enc(nowhere));
        HttpResponse<String> full = browser.post(
                product(premium) + "/assign",
                "csrf_token=" + browser.csrf(product(premium)) + "&users=" + enc(alex) + "&users=" + enc(megan));
        HttpResponse<String> none = browser.postFrom(product(premium), product(premium) + "/assign");

        assertThat(picker)
                .contains("id=\"pick-" + adele.userPrincipalName() + "\"")
                .doesNotContain(alex.userPrincipalName());
        assertThat(assigned.statusCode()).isEqualTo(400);
        assertThat(CookieClient.textOf(assigned.body(), "notice")).isEqualTo("A licence was assigned to 1 user.");
        assertThat(CookieClient.textOf(assigned.body(), "pick-error-" + nowhere.userPrincipalName()))
                .isEqualTo("License assignment cannot be done for user with invalid usage location.");
        assertThat(assigned.body()).contains("href=\"/admin/users/" + nowhere.id() + "/licenses#usageLocation\"");
        assertThat(full.statusCode()).isEqualTo(400);
        assertThat(CookieClient.textOf(full.body(), "pick-error-" + megan.userPrincipalName()))
                .isEqualTo("Subscription with SKU " + premium.skuId() + " does not have any available licenses.");
        assertThat(full.body()).contains("href=\"/admin/billing/products\">Buy licences, or unassign some</a>");
        assertThat(org.licencesOf(adele)).hasSize(1);
        assertThat(org.licencesOf(alex)).hasSize(1);
        assertThat(org.licencesOf(megan)).isEmpty();
        assertThat(org.licencesOf(nowhere)).isEmpty();
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(CookieClient.textOf(none.body(), "assign-error")).isEqualTo("Pick at least one user.");
    }

    @Test
    @DisplayName("issue 9: Assign licences succeeds with a notice; Unassign takes a direct licence and frees its seat")
    void assignAndUnassign() {
        Org org = Org.create("lic-unassign");
        Sku premium = org.buy("O365_BUSINESS_PREMIUM", 2);
        User adele = org.user("adele", "Adele Vance", "US");
        CookieClient browser = org.signedInAdmin();

        HttpResponse<String> assigned =
                browser.postFrom(product(premium), product(premium) + "/assign", "users", adele.userPrincipalName());
        String after = browser.get(assigned.headers().firstValue("Location").orElseThrow())
                .body();
        HttpResponse<String> unassigned = browser.postFrom(
                product(premium),
                product(premium) + "/unassign",
                "user",
                adele.id().toString());
        String freed = browser.get(unassigned.headers().firstValue("Location").orElseThrow())
                .body();

        assertThat(assigned.statusCode()).isEqualTo(303);
        assertThat(CookieClient.textOf(after, "notice")).isEqualTo("A licence was assigned to 1 user.");
        assertThat(CookieClient.textOf(after, "assigned")).isEqualTo("1");
        assertThat(unassigned.statusCode()).isEqualTo(303);
        assertThat(CookieClient.textOf(freed, "notice")).isEqualTo("The licence was unassigned.");
        assertThat(CookieClient.textOf(freed, "available")).isEqualTo("2");
        assertThat(org.licencesOf(adele)).isEmpty();
    }

    @Test
    @DisplayName("issue 9: Licenses and apps shows a checkbox per product with its plans; saving assigns with the"
            + " plans unchecked disabled, changes them, and unchecking removes the licence")
    void licensesAndAppsAssignsChangesAndRemoves() {
        Org org = Org.create("lic-user");
        Sku premium = org.buy("O365_BUSINESS_PREMIUM", 2);
        Sku e3 = org.buy("ENTERPRISEPACK", 1);
        User adele = org.user("adele", "Adele Vance", "US");
        CookieClient browser = org.signedInAdmin();
        List<ServicePlan> plans = premium.servicePlans();
        String sku = premium.skuId().toString();

        String page = browser.get(userLicences(adele)).body();
        HttpResponse<String> saved = browser.post(
                userLicences(adele),
                "csrf_token=" + browser.csrf(userLicences(adele)) + "&usageLocation=US&licence=" + sku + "&plansShown="
                        + sku + "&plan-" + sku + "=" + plans.get(0).id());
        String after = browser.get(saved.headers().firstValue("Location").orElseThrow())
                .body();
        List<UUID> disabled = org.licencesOf(adele).get(0).disabledPlans();
        HttpResponse<String> removed =
                browser.post(userLicences(adele), "csrf_token=" + browser.csrf(userLicences(adele)));

        assertThat(page)
                .contains("id=\"licence-box-" + sku + "\"")
                .contains("id=\"licence-box-" + e3.skuId() + "\"")
                .contains("id=\"plan-" + sku + "-" + plans.get(1).id() + "\"");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
        assertThat(CookieClient.textOf(after, "notice")).isEqualTo("The licences were saved.");
        assertThat(after)
                .contains("id=\"licence-box-" + sku + "\" checked")
                .contains("id=\"plan-" + sku + "-" + plans.get(0).id() + "\" checked")
                .doesNotContain("id=\"plan-" + sku + "-" + plans.get(1).id() + "\" checked");
        assertThat(disabled)
                .containsExactlyElementsOf(
                        plans.stream().skip(1).map(ServicePlan::id).toList());
        assertThat(removed.statusCode()).isEqualTo(303);
        assertThat(org.licencesOf(adele)).isEmpty();
    }

    @Test
    @DisplayName("r13 (issue 9): Licenses and apps shows Graph's error next to the product when the usage location or"
            + " a seat is missing, with the fix; setting the usage location on the same form lets it through")
    void licensesAndAppsShowsTheErrorsAndTheFix() {
        Org org = Org.create("lic-errors");
        Sku premium = org.buy("O365_BUSINESS_PREMIUM", 1);
        User adele = org.user("adele", "Adele Vance", null);
        User alex = org.user("alex", "Alex Wilber", "US");
        String sku = premium.skuId().toString();
        CookieClient browser = org.signedInAdmin();

        HttpResponse<String> noLocation = browser.postFrom(userLicences(adele), userLicences(adele), "licence", sku);
        HttpResponse<String> located =
                browser.postFrom(userLicences(adele), userLicences(adele), "usageLocation", "NL", "licence", sku);
        HttpResponse<String> noSeat = browser.postFrom(userLicences(alex), userLicences(alex), "licence", sku);
        HttpResponse<String> movedButNoSeat =
                browser.postFrom(userLicences(alex), userLicences(alex), "usageLocation", "DE", "licence", sku);
        HttpResponse<String> badLocation =
                browser.postFrom(userLicences(alex), userLicences(alex), "usageLocation", "Narnia");

        assertThat(noLocation.statusCode()).isEqualTo(400);
        assertThat(CookieClient.textOf(noLocation.body(), "licence-error-" + sku))
                .isEqualTo("License assignment cannot be done for user with invalid usage location.");
        assertThat(noLocation.body())
                .contains("href=\"/admin/users/" + adele.id() + "/licenses#usageLocation\">Set the user's usage"
                        + " location</a>");
        assertThat(located.statusCode()).as(located.body()).isEqualTo(303);
        assertThat(org.licencesOf(adele)).hasSize(1);
        assertThat(noSeat.statusCode()).isEqualTo(400);
        assertThat(CookieClient.textOf(noSeat.body(), "licence-error-" + sku))
                .isEqualTo("Subscription with SKU " + sku + " does not have any available licenses.");
        assertThat(noSeat.body()).contains("id=\"licence-box-" + sku + "\" checked");
        assertThat(org.licencesOf(alex)).isEmpty();
        assertThat(movedButNoSeat.statusCode()).isEqualTo(400);
        assertThat(CookieClient.textOf(movedButNoSeat.body(), "notice"))
                .isEqualTo("The usage location was saved; the licences were not.");
        assertThat(org.services()
                        .users()
                        .getUser(org.admin(), org.tenant(), alex.id().toString())
                        .usageLocation())
                .isEqualTo("DE");
        assertThat(badLocation.statusCode()).isEqualTo(400);
        assertThat(badLocation.body()).contains("id=\"usageLocation-error\"");
    }

    @Test
    @DisplayName("issue 9: a licence a group gives is shown on Licenses and apps as the group's, and saving the form"
            + " without it leaves it; the portal's profile lists the user's licences, direct or by group")
    void groupLicencesOnTheUserPageAndThePortalProfile() {
        Org org = Org.create("lic-groups");
        Sku premium = org.buy("O365_BUSINESS_PREMIUM", 2);
        Sku e3 = org.buy("ENTERPRISEPACK", 2);
        User adele = org.user("adele", "Adele Vance", "US");
        Group sales = org.licensedGroup("Sales", premium, adele);
        org.assign(adele, e3);
        CookieClient browser = org.signedInAdmin();
        String sku = premium.skuId().toString();

        String page = browser.get(userLicences(adele)).body();
        HttpResponse<String> saved = browser.postFrom(
                userLicences(adele), userLicences(adele), "licence", e3.skuId().toString());
        String portal = browser.get("/portal/directory/users/" + adele.id()).body();

        assertThat(CookieClient.textOf(page, "inherited-" + sku + "-" + sales.id()))
                .isEqualTo("Assigned by group Sales; change it on the group.");
        assertThat(page).doesNotContain("id=\"licence-box-" + sku + "\" checked");
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(org.licencesOf(adele)).extracting(LicenceAssignment::skuId).contains(premium.skuId(), e3.skuId());
        assertThat(CookieClient.all(portal, "<li>([^<]*)<span class=\"muted\">([^<]*)</span>"))
                .hasSize(2);
        assertThat(portal)
                .contains(e3.displayName() + " <span class=\"muted\">Assigned directly</span>")
                .contains(premium.displayName() + " <span class=\"muted\">Assigned by group Sales</span>");
    }

    @Test
    @DisplayName("r13 (issue 9): a group's licence refused for want of a usage location shows the fix on Licenses and"
            + " apps; setting the location there gives the user the group's licence")
    void settingTheUsageLocationFixesAGroupLicence() {
        Org org = Org.create("lic-fix");
        Sku premium = org.buy("O365_BUSINESS_PREMIUM", 2);
        User nowhere = org.user("nowhere", "Nora Nowhere", null);
        Group sales = org.licensedGroup("Sales", premium, nowhere);
        CookieClient browser = org.signedInAdmin();
        String error = "inherited-error-" + premium.skuId() + "-" + sales.id();

        String before = browser.get(userLicences(nowhere)).body();
        HttpResponse<String> located =
                browser.postFrom(userLicences(nowhere), userLicences(nowhere), "usageLocation", "NL");
        String after = browser.get(userLicences(nowhere)).body();

        assertThat(CookieClient.textOf(before, error)).contains("ProhibitedInUsageLocationViolation");
        assertThat(located.statusCode()).isEqualTo(303);
        assertThat(after).doesNotContain("id=\"" + error + "\"");
        assertThat(org.licencesOf(nowhere)).extracting(LicenceAssignment::skuId).containsExactly(premium.skuId());
    }

    @Test
    @DisplayName("issue 9 (R13): the licence forms refuse a post without its CSRF token, and a user who may not manage"
            + " users; nothing changes")
    void csrfAndRolesAreChecked() {
        Org org = Org.create("lic-csrf");
        Sku premium = org.buy("O365_BUSINESS_PREMIUM", 2);
        User adele = org.user("adele", "Adele Vance", "US");
        org.user("pete", "Pete Plain", "US");
        org.assign(adele, premium);
        CookieClient browser = org.signedInAdmin();
        CookieClient pete = new CookieClient(server).signIn("pete@" + org.domain(), PASSWORD);
        String sku = premium.skuId().toString();

        HttpResponse<String> forgedUnassign = browser.post(
                product(premium) + "/unassign",
                Map.of("csrf_token", "forged", "user", adele.id().toString()));
        HttpResponse<String> forgedAssign =
                browser.post(product(premium) + "/assign", Map.of("users", adele.userPrincipalName()));
        HttpResponse<String> forgedSave = browser.post(userLicences(adele), Map.of("csrf_token", "forged"));
        HttpResponse<String> refused = pete.postFrom(
                "/portal", product(premium) + "/unassign", "user", adele.id().toString());

        assertThat(forgedUnassign.statusCode()).isEqualTo(403);
        assertThat(forgedAssign.statusCode()).isEqualTo(403);
        assertThat(forgedSave.statusCode()).isEqualTo(403);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(org.licencesOf(adele)).extracting(LicenceAssignment::skuId).containsExactly(UUID.fromString(sku));
    }

    private static String enc(User user) {
        return CookieClient.encode(user.userPrincipalName());
    }
}
