package dev.tenantry.pages.portal;

import dev.tenantry.pages.Chrome;
import dev.tenantry.pages.ConsoleNav;
import java.util.List;

/** Model of portal/resource-groups.jte: the subscription's resource groups the caller may read. */
public record PortalResourceGroupsPage(Chrome chrome, ConsoleNav nav, SubscriptionHeader header, List<Row> rows) {

    public PortalResourceGroupsPage {
        rows = List.copyOf(rows);
    }

    /** One group: its name, location and its IAM page. */
    public record Row(String name, String location, String iamHref) {}
}
