package dev.tenantry.pages.portal;

import dev.tenantry.pages.Chrome;
import dev.tenantry.pages.ConsoleNav;
import java.util.List;

/** Model of portal/activity.jte: the subscription's activity log over the last {@code days} days. */
public record PortalActivityPage(Chrome chrome, ConsoleNav nav, SubscriptionHeader header, int days, List<Row> rows) {

    public PortalActivityPage {
        rows = List.copyOf(rows);
    }

    /** One event: when, which operation, its status, who, on what, at which scope. */
    public record Row(String time, String operation, String status, String caller, String resource, String scope) {}
}
