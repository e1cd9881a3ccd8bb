package dev.tenantry.pages.admincenter;

import dev.tenantry.pages.Chrome;
import dev.tenantry.pages.ConsoleNav;
import java.util.List;

/** Model of admincenter/licenses.jte: "Billing / Licenses", one row per product the directory holds (issue 9). */
public record LicensesPage(Chrome chrome, ConsoleNav nav, List<Product> products) {

    public LicensesPage {
        products = List.copyOf(products);
    }

    /**
     * A product (SKU) over the directory's subscriptions of it: licences assigned (users holding it, each once),
     * available (enabled and not assigned), the enabled total, and its standing ({@code Enabled}, {@code Warning}…).
     */
    public record Product(
            String skuId, String name, String partNumber, String state, int assigned, int available, int total) {}
}
