package dev.tenantry.pages.admincenter;

import dev.tenantry.pages.Chrome;
import dev.tenantry.pages.ConsoleNav;
import dev.tenantry.pages.store.BillingForm;
import dev.tenantry.pages.store.CountryOption;
import dev.tenantry.pages.store.FieldErrors;
import java.util.List;

/**
 * Model of admincenter/buy.jte: buying a trial (issue 9) when the directory has no billing profile yet, with the
 * store's billing form and its field errors.
 */
public record BuyPage(
        Chrome chrome,
        ConsoleNav nav,
        String product,
        String id,
        BillingForm form,
        FieldErrors errors,
        List<CountryOption> countries) {

    public BuyPage {
        countries = List.copyOf(countries);
    }
}
