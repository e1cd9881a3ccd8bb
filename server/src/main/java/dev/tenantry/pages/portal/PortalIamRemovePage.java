package dev.tenantry.pages.portal;

import dev.tenantry.pages.Chrome;
import dev.tenantry.pages.ConsoleNav;

/** Model of portal/iam-remove.jte: the confirmation before a role assignment is removed. */
public record PortalIamRemovePage(
        Chrome chrome,
        ConsoleNav nav,
        SubscriptionHeader header,
        PortalIamPage.Scope scope,
        PortalIamPage.Row assignment,
        String error) {}
