package dev.tenantry.pages.portal;

import dev.tenantry.pages.Chrome;
import dev.tenantry.pages.ConsoleNav;
import java.util.List;

/** Model of portal/subscriptions.jte: the cloud subscriptions the signed-in user can see. */
public record PortalSubscriptionsPage(Chrome chrome, ConsoleNav nav, List<Row> rows, String nextHref) {

    public PortalSubscriptionsPage {
        rows = List.copyOf(rows);
    }

    /** One subscription with its directory, offer, state and account administrator. */
    public record Row(
            String id,
            String displayName,
            String directoryName,
            String directoryDomain,
            String offerId,
            String offerName,
            String state,
            String accountAdministratorName,
            String accountAdministratorUpn) {}
}
