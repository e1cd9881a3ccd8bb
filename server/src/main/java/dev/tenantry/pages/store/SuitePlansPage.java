package dev.tenantry.pages.store;

import dev.tenantry.pages.Chrome;
import java.util.List;

/** Model of store/suite.jte: the suite plans of the catalog, each with a free trial. */
public record SuitePlansPage(Chrome chrome, List<Plan> plans) {

    /** One SKU as a plan card. */
    public record Plan(String partNumber, String displayName, int trialDays, int defaultSeats) {}
}
