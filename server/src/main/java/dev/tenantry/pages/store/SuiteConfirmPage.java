package dev.tenantry.pages.store;

import dev.tenantry.pages.Chrome;

/** Model of store/suiteConfirm.jte: "Confirm your order" for a signed-in customer's trial of a plan. */
public record SuiteConfirmPage(
        Chrome chrome,
        String partNumber,
        String planName,
        int trialDays,
        String seats,
        int maxTrialSeats,
        FieldErrors errors) {}
