package dev.tenantry.pages.admincenter;

import dev.tenantry.pages.Chrome;
import dev.tenantry.pages.ConsoleNav;
import dev.tenantry.pages.LicenceViews.Problem;
import dev.tenantry.pages.store.CountryOption;
import java.util.List;

/**
 * Model of admincenter/user-licences.jte: a user's "Licenses and apps" (issue 9, R13): its usage location, a checkbox
 * per product of the directory (checked when assigned directly) with its service plans (checked when enabled), the
 * licences groups give it (changed on the group, not here), a notice after saving, and a refusal: next to the
 * product or the usage location it is about, or over the form.
 */
public record UserLicencesPage(
        Chrome chrome,
        ConsoleNav nav,
        String userId,
        String displayName,
        String usageLocation,
        List<CountryOption> countries,
        List<Product> products,
        String notice,
        String error,
        String locationError) {

    public UserLicencesPage {
        countries = List.copyOf(countries);
        products = List.copyOf(products);
    }

    /** A product of the directory: assigned directly or not, its plans, what groups give of it, and its refusal. */
    public record Product(
            String skuId,
            String name,
            String partNumber,
            int available,
            boolean assigned,
            List<Plan> plans,
            List<Inherited> inherited,
            Problem problem) {

        public Product {
            plans = List.copyOf(plans);
            inherited = List.copyOf(inherited);
        }
    }

    /** A service plan of a product; {@code enabled} unless the licence turns it off. */
    public record Plan(String id, String name, boolean enabled) {}

    /** The product as a group gives it to the user, with the problem that keeps it from working. */
    public record Inherited(String groupId, String group, Problem problem) {}
}
