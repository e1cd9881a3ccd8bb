package dev.tenantry.pages.portal;

import dev.tenantry.pages.Chrome;
import dev.tenantry.pages.ConsoleNav;
import dev.tenantry.subscriptions.ChangeDirectoryService;
import java.util.List;

/**
 * Model of portal/change-directory-confirm.jte: what moving the subscription removes (R11) and the managed identities
 * it resets (issue 11), before it is moved; after the move ({@code moved}) the same page says where it went.
 */
public record ChangeDirectoryConfirmPage(
        Chrome chrome,
        ConsoleNav nav,
        SubscriptionHeader header,
        ChangeDirectoryPage.Target target,
        List<ChangeDirectoryService.Removal> roleAssignments,
        List<String> coAdministrators,
        List<String> managedIdentities,
        boolean moved) {

    public ChangeDirectoryConfirmPage {
        roleAssignments = List.copyOf(roleAssignments);
        coAdministrators = List.copyOf(coAdministrators);
        managedIdentities = List.copyOf(managedIdentities);
    }
}
