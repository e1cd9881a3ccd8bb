package dev.tenantry.graph;

import dev.tenantry.subscriptions.LicenceAssignment;
import dev.tenantry.subscriptions.ServicePlan;
import dev.tenantry.subscriptions.Sku;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Licences on the Graph wire: a user's {@code assignedLicenses} and its {@code licenseDetails}.
 *
 * @see <a href="https://learn.microsoft.com/graph/api/resources/licensedetails">Graph licenseDetails resource</a>
 */
final class GraphLicences {

    private GraphLicences() {}

    /** Graph's assignedLicense. */
    record AssignedLicense(List<String> disabledPlans, String skuId) {

        static List<AssignedLicense> of(List<LicenceAssignment> held) {
            return held.stream()
                    .map(licence -> new AssignedLicense(
                            licence.disabledPlans().stream().map(UUID::toString).toList(),
                            licence.skuId().toString()))
                    .toList();
        }
    }

    /**
     * Graph's licenseDetails: the SKU and its plans, those the licence turns off as {@code Disabled}, and all of them
     * once the SKU's subscriptions are suspended (issue 9: the user has lost the service plans).
     */
    record LicenseDetails(String id, String skuId, String skuPartNumber, List<PlanStatus> servicePlans) {

        static LicenseDetails of(LicenceAssignment licence, Optional<Sku> sku) {
            return new LicenseDetails(
                    licence.userId() + "_" + licence.skuId(),
                    licence.skuId().toString(),
                    sku.map(Sku::partNumber).orElse(null),
                    sku.map(Sku::servicePlans).orElse(List.of()).stream()
                            .map(plan -> PlanStatus.of(
                                    plan,
                                    !licence.plansWork()
                                            || licence.disabledPlans().contains(plan.id())))
                            .toList());
        }
    }

    /** One service plan of a licence and whether it is provisioned. */
    record PlanStatus(String servicePlanId, String servicePlanName, String provisioningStatus, String appliesTo) {

        static PlanStatus of(ServicePlan plan, boolean disabled) {
            return new PlanStatus(plan.id().toString(), plan.name(), disabled ? "Disabled" : "Success", "User");
        }
    }
}
