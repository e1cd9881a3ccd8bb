package dev.tenantry.graph;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.shared.RequestError;
import dev.tenantry.subscriptions.GroupLicence;
import dev.tenantry.subscriptions.LicenceAssignment;
import dev.tenantry.subscriptions.LicenceService;
import dev.tenantry.subscriptions.ServicePlan;
import dev.tenantry.subscriptions.Sku;
import java.util.List;
import java.util.Objects;
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
            if (held.isEmpty()) {
                return List.of(); // most users of a page: no stream to build
            }
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

    /** Graph's assignLicense body, on a user or a group: both lists are required, as in Graph. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record AssignLicenseRequest(List<AddedLicense> addLicenses, List<String> removeLicenses) {

        /** The licences to add, after checking the body has both lists and no null entry. */
        List<LicenceService.AddLicence> toAdd() {
            if (addLicenses == null || removeLicenses == null) {
                throw new InvalidRequestException(
                        RequestError.MISSING_FIELD,
                        "Both 'addLicenses' and 'removeLicenses' are required; send an empty array for the one not"
                                + " used.",
                        addLicenses == null ? "addLicenses" : "removeLicenses");
            }
            if (addLicenses.stream().anyMatch(Objects::isNull)) {
                throw new InvalidRequestException(
                        RequestError.MISSING_FIELD,
                        "Each entry of 'addLicenses' is an object with a 'skuId', such as {\"skuId\":\"…\"}; "
                                + "null is not one.",
                        "addLicenses");
            }
            return addLicenses.stream()
                    .map(licence -> new LicenceService.AddLicence(licence.skuId(), licence.disabledPlans()))
                    .toList();
        }
    }

    /** One licence of {@code addLicenses}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record AddedLicense(String skuId, List<String> disabledPlans) {}

    /** Graph's licenseAssignmentState: one path by which a user has (or failed to get) a licence. */
    record LicenseAssignmentState(
            String skuId,
            List<String> disabledPlans,
            String assignedByGroup,
            String state,
            String error,
            String lastUpdatedDateTime) {

        static List<LicenseAssignmentState> of(List<LicenceService.LicenceState> states) {
            return states.stream()
                    .map(state -> new LicenseAssignmentState(
                            state.skuId().toString(),
                            state.disabledPlans().stream().map(UUID::toString).toList(),
                            state.assignedByGroup() == null
                                    ? null
                                    : state.assignedByGroup().toString(),
                            state.active() ? "Active" : "Error",
                            state.active() ? "None" : state.error().graphName(),
                            state.updated().toString()))
                    .toList();
        }
    }

    /** Graph's assignedLicenses of a group. */
    static List<AssignedLicense> ofGroup(List<GroupLicence> licences) {
        return licences.stream()
                .map(licence -> new AssignedLicense(
                        licence.disabledPlans().stream().map(UUID::toString).toList(),
                        licence.skuId().toString()))
                .toList();
    }

    /** Graph's assignedPlan: one service plan a user's licences turn on, with the standing of its SKU. */
    record AssignedPlan(String assignedDateTime, String capabilityStatus, String service, String servicePlanId) {

        static List<AssignedPlan> of(
                List<LicenceAssignment> held, java.util.function.Function<UUID, Optional<Sku>> skus) {
            return held.stream()
                    .flatMap(licence -> skus.apply(licence.skuId()).map(Sku::servicePlans).orElse(List.of()).stream()
                            .filter(plan -> !licence.disabledPlans().contains(plan.id()))
                            .map(plan -> new AssignedPlan(
                                    licence.assignedAt().toString(),
                                    licence.capabilityStatus().graphName(),
                                    plan.service(),
                                    plan.id().toString())))
                    .toList();
        }
    }
}
