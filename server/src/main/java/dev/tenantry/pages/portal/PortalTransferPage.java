package dev.tenantry.pages.portal;

import dev.tenantry.pages.Chrome;
import dev.tenantry.pages.ConsoleNav;
import java.util.List;

/**
 * Model of portal/transfer.jte (issue 10, R4): one billing ownership transfer as its recipient (who may accept it)
 * or its sender (who may cancel it) sees it, or, with {@code id} null, the transfers waiting for the signed-in user.
 */
public record PortalTransferPage(
        Chrome chrome,
        ConsoleNav nav,
        String id,
        String subscriptionName,
        String subscriptionId,
        String sender,
        String recipient,
        String status,
        String expiresAt,
        boolean recipientView,
        boolean pending,
        List<Waiting> waiting) {

    public PortalTransferPage {
        waiting = List.copyOf(waiting);
    }

    /** The list of the transfers waiting for the signed-in user. */
    public static PortalTransferPage waiting(Chrome chrome, ConsoleNav nav, List<Waiting> waiting) {
        return new PortalTransferPage(chrome, nav, null, null, null, null, null, null, null, false, false, waiting);
    }

    /** A transfer waiting for the signed-in user, linked to its page. */
    public record Waiting(String id, String subscriptionName, String expiresAt) {}
}
