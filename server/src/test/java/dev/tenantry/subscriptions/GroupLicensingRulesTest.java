package dev.tenantry.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantry.directory.Group;
import dev.tenantry.directory.User;
import dev.tenantry.directory.UserPatch;
import dev.tenantry.directory.groups.NewGroup;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.DomainException;
import dev.tenantry.subscriptions.LicenceService.AddLicence;
import dev.tenantry.testing.TestDirectories;
import dev.tenantry.testing.TestDirectory;
import dev.tenantry.testing.TestWorld;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue 9 (R13): group-based licensing — members get the group's licences while seats and usage locations allow. */
class GroupLicensingRulesTest {

    private static final String PREMIUM = "f245ecc8-75af-4f8e-b61f-27d8114de5c3";
    private static final UUID PREMIUM_ID = UUID.fromString(PREMIUM);
    private static final String PREMIUM_PLAN = "9aaf7827-d63c-4b61-89c3-182f06f82e5c";

    private final TestWorld world = TestWorld.create();
    private final TestDirectory contoso = TestDirectories.contoso().create(world);
    private final Caller.User admin = contoso.adminCaller();
    private final LicenceService licences = world.licences();

    private User located(String alias) {
        User user = contoso.addUser(alias);
        return world.userService()
                .updateUser(
                        Caller.system(),
                        contoso.id(),
                        user.id().toString(),
                        new UserPatch(null, null, null, null, null, "NL", null, null));
    }

    private Group group(String name, User... members) {
        return world.groupService()
                .create(
                        admin,
                        contoso.id(),
                        new NewGroup(
                                name,
                                null,
                                name,
                                false,
                                true,
                                List.of(),
                                null,
                                java.util.Arrays.stream(members)
                                        .map(u -> u.id().toString())
                                        .toList(),
                                List.of()));
    }

    private void licenceGroup(Group group, String... disabledPlans) {
        licences.assignGroupLicense(
                admin,
                contoso.id(),
                group.id().toString(),
                List.of(new AddLicence(PREMIUM, List.of(disabledPlans))),
                List.of());
    }

    private List<UUID> skusOf(User user) {
        return licences.licencesOf(Caller.system(), contoso.id(), user.id().toString()).stream()
                .map(LicenceAssignment::skuId)
                .toList();
    }

    private int consumed() {
        return world.subscriptions().subscribedSkus(Caller.system(), contoso.id()).stream()
                .mapToInt(SubscribedSku::consumedUnits)
                .sum();
    }

    private List<UUID> inError(Group group) {
        return licences.membersWithLicenseErrors(admin, contoso.id(), group.id().toString()).stream()
                .map(User::objectId)
                .toList();
    }

    @Test
    @DisplayName("r13 (issue 9): a group's licence reaches its members, assigned by the group, each taking a seat")
    void r13GroupLicenceReachesMembers() {
        world.subscriptions().buySuiteSubscription(admin, "O365_BUSINESS_PREMIUM", 5, false);
        User adele = located("adele");
        User alex = located("alex");
        Group sales = group("sales", adele, alex);

        licenceGroup(sales, PREMIUM_PLAN);

        assertThat(skusOf(adele)).containsExactly(PREMIUM_ID);
        assertThat(licences.licenceStatesOf(admin, contoso.id(), adele.id().toString()))
                .singleElement()
                .satisfies(state -> {
                    assertThat(state.assignedByGroup()).isEqualTo(sales.id());
                    assertThat(state.active()).isTrue();
                    assertThat(state.disabledPlans()).containsExactly(UUID.fromString(PREMIUM_PLAN));
                });
        assertThat(consumed()).isEqualTo(2);
        assertThat(licences.groupLicences(admin, contoso.id(), sales.id().toString()))
                .extracting(GroupLicence::skuId)
                .containsExactly(PREMIUM_ID);
    }

    @Test
    @DisplayName("r13 (issue 9): a member holding the SKU directly and through groups takes one seat, not three")
    void r13OneSeatPerUserHoweverHeld() {
        world.subscriptions().buySuiteSubscription(admin, "O365_BUSINESS_PREMIUM", 1, false);
        User adele = located("adele");
        licences.assignLicense(
                admin, contoso.id(), adele.id().toString(), List.of(new AddLicence(PREMIUM, null)), List.of());

        licenceGroup(group("one", adele));
        licenceGroup(group("two", adele));

        assertThat(consumed()).isEqualTo(1);
        assertThat(licences.licenceStatesOf(admin, contoso.id(), adele.id().toString()))
                .hasSize(3)
                .allMatch(LicenceService.LicenceState::active);
        // the direct licence goes; the groups' remain, still one seat
        licences.assignLicense(admin, contoso.id(), adele.id().toString(), List.of(), List.of(PREMIUM));
        assertThat(skusOf(adele)).containsExactly(PREMIUM_ID);
        assertThat(consumed()).isEqualTo(1);
    }

    @Test
    @DisplayName("r13 (issue 9): members without a free seat or a usage location are listed with their error")
    void r13MembersThatCannotGetItAreListed() {
        world.subscriptions().buySuiteSubscription(admin, "O365_BUSINESS_PREMIUM", 1, false);
        User adele = located("adele");
        User alex = located("alex");
        User nowhere = contoso.addUser("nowhere");
        Group all = group("all", adele, alex, nowhere);

        licenceGroup(all);

        assertThat(consumed()).isEqualTo(1);
        List<UUID> failed = inError(all);
        assertThat(failed).hasSize(2).contains(nowhere.objectId());
        assertThat(licences.licenceStatesOf(admin, contoso.id(), nowhere.id().toString()))
                .singleElement()
                .satisfies(state ->
                        assertThat(state.error()).isEqualTo(InheritedLicence.Failure.USAGE_LOCATION_VIOLATION));
        User waiting = failed.contains(adele.objectId()) ? adele : alex;
        assertThat(licences.licenceStatesOf(admin, contoso.id(), waiting.id().toString()))
                .singleElement()
                .satisfies(state -> assertThat(state.error()).isEqualTo(InheritedLicence.Failure.COUNT_VIOLATION));
    }

    @Test
    @DisplayName(
            "r13 (issue 9): leaving the group takes its licence and frees the seat; a member in error gets it then")
    void r13LeavingFreesTheSeatForAMemberInError() {
        world.subscriptions().buySuiteSubscription(admin, "O365_BUSINESS_PREMIUM", 1, false);
        User adele = located("adele");
        User alex = located("alex");
        Group team = group("team", adele, alex);
        licenceGroup(team);
        User holder = skusOf(adele).isEmpty() ? alex : adele;
        User waiting = holder.equals(adele) ? alex : adele;

        world.groupService()
                .removeMember(
                        admin, contoso.id(), team.id().toString(), holder.id().toString());

        assertThat(skusOf(holder)).isEmpty();
        assertThat(skusOf(waiting)).containsExactly(PREMIUM_ID);
        assertThat(inError(team)).isEmpty();
        assertThat(consumed()).isEqualTo(1);
    }

    @Test
    @DisplayName("r13 (issue 9): deleting the group, or removing its licence, takes the licence from its members")
    void r13DeletingTheGroupRemovesWhatItAssigned() {
        world.subscriptions().buySuiteSubscription(admin, "O365_BUSINESS_PREMIUM", 3, false);
        User adele = located("adele");
        Group first = group("first", adele);
        Group second = group("second", adele);
        licenceGroup(first);
        licenceGroup(second);

        world.groupService().delete(admin, contoso.id(), first.id().toString());
        assertThat(skusOf(adele)).containsExactly(PREMIUM_ID);
        licences.assignGroupLicense(admin, contoso.id(), second.id().toString(), List.of(), List.of(PREMIUM));

        assertThat(skusOf(adele)).isEmpty();
        assertThat(consumed()).isZero();
    }

    @Test
    @DisplayName("r13 (issue 9): a SKU the directory does not own is refused on a group and nothing changes")
    void r13UnownedSkuIsRefusedOnAGroup() {
        User adele = located("adele");
        Group team = group("team", adele);

        assertThatThrownBy(() -> licenceGroup(team))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("license_not_owned"));
        assertThat(licences.groupLicences(admin, contoso.id(), team.id().toString()))
                .isEmpty();
        assertThatThrownBy(() -> licences.assignGroupLicense(
                        contoso.member("plain"), contoso.id(), team.id().toString(), List.of(), List.of()))
                .isInstanceOf(dev.tenantry.shared.AccessDeniedException.class);
    }
}
