package dev.tenantry.subscriptions;

import static dev.tenantry.directory.DirectoryRoleTemplate.BILLING_ADMINISTRATOR;
import static dev.tenantry.directory.DirectoryRoleTemplate.USER_ADMINISTRATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantry.directory.User;
import dev.tenantry.directory.UserPatch;
import dev.tenantry.shared.AccessDeniedException;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.DomainException;
import dev.tenantry.shared.NotFoundException;
import dev.tenantry.subscriptions.LicenceService.AddLicence;
import dev.tenantry.testing.TestDirectories;
import dev.tenantry.testing.TestDirectory;
import dev.tenantry.testing.TestWorld;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** R13: licences go only to users of the owning directory, with a usage location, while seats are free. */
class LicenceRulesTest {

    private static final String PREMIUM = "f245ecc8-75af-4f8e-b61f-27d8114de5c3";
    private static final String E3 = "6fd2c87f-b296-42f0-b197-1e91e994b900";
    private static final String PREMIUM_PLAN = "9aaf7827-d63c-4b61-89c3-182f06f82e5c";

    private final TestWorld world = TestWorld.create();
    private final TestDirectory contoso = TestDirectories.contoso().create(world);

    private User locatedUser(TestDirectory directory, String alias) {
        User user = directory.addUser(alias);
        return world.userService()
                .updateUser(
                        Caller.system(),
                        directory.id(),
                        user.id().toString(),
                        new UserPatch(null, null, null, null, null, "NL", null, null));
    }

    private void buy(TestDirectory directory, String sku, int seats) {
        world.subscriptions().buySuiteSubscription(directory.adminCaller(), sku, seats, false);
    }

    private User assign(Caller caller, TestDirectory directory, User user, String skuId) {
        return world.licences()
                .assignLicense(
                        caller, directory.id(), user.id().toString(), List.of(new AddLicence(skuId, null)), List.of());
    }

    /** Contoso's administrator adds {@code add} to and removes {@code remove} from {@code user}. */
    private void change(User user, List<AddLicence> add, List<String> remove) {
        world.licences()
                .assignLicense(contoso.adminCaller(), contoso.id(), user.id().toString(), add, remove);
    }

    private List<UUID> skusOf(TestDirectory directory, User user) {
        return world
                .licences()
                .licencesOf(Caller.system(), directory.id(), user.id().toString())
                .stream()
                .map(LicenceAssignment::skuId)
                .toList();
    }

    private int consumed(TestDirectory directory, String partNumber) {
        return world.subscriptions().subscribedSkus(Caller.system(), directory.id()).stream()
                .filter(sku -> sku.skuPartNumber().equals(partNumber))
                .mapToInt(SubscribedSku::consumedUnits)
                .sum();
    }

    @Test
    void r13AnAdministratorAssignsALicenceAndTheSeatIsConsumed() {
        buy(contoso, "O365_BUSINESS_PREMIUM", 2);
        User adele = locatedUser(contoso, "adele");

        assign(contoso.adminCaller(), contoso, adele, PREMIUM);

        assertThat(skusOf(contoso, adele)).containsExactly(UUID.fromString(PREMIUM));
        assertThat(consumed(contoso, "O365_BUSINESS_PREMIUM")).isEqualTo(1);
    }

    @Test
    void r13TheLastFreeSeatIsGivenOnceAndTheNextAssignmentIsRefusedWithGraphsMessage() {
        buy(contoso, "O365_BUSINESS_PREMIUM", 1);
        User adele = locatedUser(contoso, "adele");
        User alex = locatedUser(contoso, "alex");
        assign(contoso.adminCaller(), contoso, adele, PREMIUM);

        assertThatThrownBy(() -> assign(contoso.adminCaller(), contoso, alex, PREMIUM))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo("no_available_licenses");
                    assertThat(e.getMessage())
                            .isEqualTo("Subscription with SKU " + PREMIUM + " does not have any available licenses.");
                });
        assertThat(skusOf(contoso, alex)).isEmpty();
        assertThat(consumed(contoso, "O365_BUSINESS_PREMIUM")).isEqualTo(1);
    }

    @Test
    void r13AssigningAHeldLicenceAgainChangesItsPlansWithoutTakingAnotherSeat() {
        buy(contoso, "O365_BUSINESS_PREMIUM", 1);
        User adele = locatedUser(contoso, "adele");
        assign(contoso.adminCaller(), contoso, adele, PREMIUM);

        change(adele, List.of(new AddLicence(PREMIUM, List.of(PREMIUM_PLAN))), List.of());

        assertThat(world.licences()
                        .licencesOf(Caller.system(), contoso.id(), adele.id().toString()))
                .singleElement()
                .satisfies(
                        licence -> assertThat(licence.disabledPlans()).containsExactly(UUID.fromString(PREMIUM_PLAN)));
    }

    @Test
    void r13AUserWithoutUsageLocationIsRefusedWithGraphsMessage() {
        buy(contoso, "O365_BUSINESS_PREMIUM", 5);
        User nowhere = contoso.addUser("nowhere");

        assertThatThrownBy(() -> assign(contoso.adminCaller(), contoso, nowhere, PREMIUM))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo("usage_location_required");
                    assertThat(e.getMessage())
                            .isEqualTo("License assignment cannot be done for user with invalid usage location.");
                });
        assertThat(consumed(contoso, "O365_BUSINESS_PREMIUM")).isZero();
    }

    @Test
    void r13ASkuTheDirectoryDoesNotOwnIsRefusedWithGraphsMessageAndNothingChanges() {
        buy(contoso, "O365_BUSINESS_PREMIUM", 5);
        User adele = locatedUser(contoso, "adele");

        assertThatThrownBy(() ->
                        change(adele, List.of(new AddLicence(PREMIUM, null), new AddLicence(E3, null)), List.of()))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo("license_not_owned");
                    assertThat(e.getMessage())
                            .isEqualTo("License " + E3 + " does not correspond to a valid company License.");
                });
        assertThat(skusOf(contoso, adele)).isEmpty();
    }

    @Test
    void r13AUserOfAnotherDirectoryCannotGetTheDirectorysLicence() {
        buy(contoso, "O365_BUSINESS_PREMIUM", 5);
        TestDirectory fabrikam = TestDirectories.fabrikam().create(world);
        User stranger = locatedUser(fabrikam, "stranger");

        assertThatThrownBy(() -> assign(contoso.adminCaller(), contoso, stranger, PREMIUM))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> assign(contoso.adminCaller(), fabrikam, stranger, PREMIUM))
                .isInstanceOf(NotFoundException.class);
        assertThat(consumed(contoso, "O365_BUSINESS_PREMIUM")).isZero();
    }

    @Test
    void r13OnlyCallersWhoMayManageUsersAssignLicences() {
        buy(contoso, "O365_BUSINESS_PREMIUM", 5);
        User adele = locatedUser(contoso, "adele");

        assertThatThrownBy(() -> assign(contoso.member("billing", BILLING_ADMINISTRATOR), contoso, adele, PREMIUM))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> assign(contoso.app("User.Read.All"), contoso, adele, PREMIUM))
                .isInstanceOf(AccessDeniedException.class);
        assign(contoso.member("uadmin", USER_ADMINISTRATOR), contoso, adele, PREMIUM);
        assertThat(consumed(contoso, "O365_BUSINESS_PREMIUM")).isEqualTo(1);
        assign(contoso.app("User.ReadWrite.All"), contoso, locatedUser(contoso, "alex"), PREMIUM);
        assertThat(consumed(contoso, "O365_BUSINESS_PREMIUM")).isEqualTo(2);
    }

    @Test
    void r13RemovingALicenceOrDeletingTheUserFreesItsSeat() {
        buy(contoso, "O365_BUSINESS_PREMIUM", 1);
        User adele = locatedUser(contoso, "adele");
        User alex = locatedUser(contoso, "alex");
        assign(contoso.adminCaller(), contoso, adele, PREMIUM);

        change(adele, List.of(), List.of(PREMIUM));
        assign(contoso.adminCaller(), contoso, alex, PREMIUM);
        world.userService()
                .deleteUser(contoso.adminCaller(), contoso.id(), alex.id().toString());
        assign(contoso.adminCaller(), contoso, adele, PREMIUM);

        assertThat(skusOf(contoso, adele)).containsExactly(UUID.fromString(PREMIUM));
        assertThat(consumed(contoso, "O365_BUSINESS_PREMIUM")).isEqualTo(1);
    }

    @Test
    void r13ADisabledPlanMustBeOneOfTheSkusPlans() {
        buy(contoso, "O365_BUSINESS_PREMIUM", 1);
        User adele = locatedUser(contoso, "adele");

        assertThatThrownBy(() -> change(
                        adele,
                        List.of(new AddLicence(
                                PREMIUM, List.of(UUID.randomUUID().toString()))),
                        List.of()))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("unknown_service_plan"));
        assertThat(skusOf(contoso, adele)).isEmpty();
    }
}
