package dev.tenantry.pages.guests;

import dev.tenantry.pages.Chrome;

/** Model of guests/switch.jte: confirms switching the session to another directory the account may act in. */
public record SwitchDirectoryPage(
        Chrome chrome, String tenantId, String displayName, String domain, boolean guest, String returnUrl) {}
