package dev.tenantry.pages.devicelogin;

import dev.tenantry.pages.Chrome;

/**
 * Model of devicelogin/code.jte and devicelogin/confirm.jte: the verification page of the device code flow (issue 11).
 *
 * @param step {@code code} (enter the code), {@code confirm} (approve or decline), {@code approved} or {@code declined}
 * @param applicationName the application the device signs in to, once the code is known
 * @param error what was wrong with the code entered, or null
 */
public record DeviceLoginPage(
        Chrome chrome, String step, String userCode, String applicationName, String scope, String error) {}
