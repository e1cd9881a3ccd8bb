package dev.tenantry.pages.store;

import dev.tenantry.pages.Chrome;
import java.util.List;

/** Model of store/cloudBilling.jte: the billing profile of a new cloud subscription, with field-level errors. */
public record CloudBillingPage(
        Chrome chrome, String offerName, BillingForm form, FieldErrors errors, List<CountryOption> countries) {}
