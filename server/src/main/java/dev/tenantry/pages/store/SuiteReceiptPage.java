package dev.tenantry.pages.store;

import dev.tenantry.pages.Chrome;

/** Model of store/suiteReceipt.jte: the receipt of a suite subscription just ordered. */
public record SuiteReceiptPage(
        Chrome chrome, String planName, String subscriptionId, int seats, boolean trial, String trialEndsOn) {}
