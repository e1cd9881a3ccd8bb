package dev.tenantry.pages.admincenter;

import dev.tenantry.pages.Chrome;
import dev.tenantry.pages.ConsoleNav;
import java.util.List;

/** Model of admincenter/products.jte: "Your products", the directory's suite subscriptions. */
public record ProductsPage(Chrome chrome, ConsoleNav nav, List<Row> rows) {

    public ProductsPage {
        rows = List.copyOf(rows);
    }

    /**
     * One suite subscription. {@code seatsUsed} counts assigned licences, which do not exist before the licensing
     * issue, so it is truly 0 today.
     */
    public record Row(
            String id,
            String product,
            String partNumber,
            String state,
            String trialEnds,
            int seatsUsed,
            int seatsTotal) {}
}
