package dev.tenantry.pages.store;

import dev.tenantry.pages.Chrome;
import java.util.List;

/**
 * Model of store/newOrganisation.jte: the one-step sign-up (R8) of a product for a new organisation, posting to
 * {@code action}, with a sign-in link (or, when signed in, a link to go on with that account) for people who already have one.
 */
public record NewOrganisationPage(
        Chrome chrome,
        String productName,
        String offerText,
        String action,
        String signInUrl,
        String existingAccountUrl,
        String domainSuffix,
        OrganisationForm form,
        FieldErrors errors,
        List<CountryOption> countries) {}
