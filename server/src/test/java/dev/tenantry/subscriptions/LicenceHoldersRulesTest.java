package dev.tenantry.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.directory.Group;
import dev.tenantry.directory.User;
import dev.tenantry.directory.UserPatch;
import dev.tenantry.directory.groups.NewGroup;
import dev.tenantry.shared.Caller;
import dev.tenantry.subscriptions.LicenceService.AddLicence;
import dev.tenantry.testing.TestDirectories;
import dev.tenantry.testing.TestDirectory;
import dev.tenantry.testing.TestWorld;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue 9 (R13): who holds a SKU and how a user holds its licences, as the consoles' licence pages show them. */
class LicenceHoldersRulesTest {

    private static final String PREMIUM = "f245ecc8-75af-4f8e-b61f-27d8114de5c3";

    private final TestWorld world = TestWorld.create();
    private final TestDirectory contoso = TestDirectories.contoso().create(world);
    private final Caller.User admin = contoso.adminCaller();
    private final LicenceService licences = world.licences();

    private User located(String alias, String displayName) {
        User user = contoso.addUser(alias);
        return world.userService()
                .updateUser(
                        Caller.system(),
                        contoso.id(),
                        user.id().toString(),
                        new UserPatch(displayName, null, null, null, null, "NL", null, null));
    }

    private Group licensedGroup(String name, User... members) {
        Group group = world.groupService()
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
        licences.assignGroupLicense(
                admin, contoso.id(), group.id().toString(), List.of(new AddLicence(PREMIUM, null)), List.of());
        return group;
    }

    private static String describe(LicencePath path) {
        return path.user().displayName() + " "
                + (path.direct() ? "direct" : path.group().displayName())
                + (path.active() ? "" : " " + path.error().graphName());
    }

    @Test
    @DisplayName("r13 (issue 9): a SKU's holders are listed by name, direct before group, with the group and the error")
    void r13HoldersOfASku() {
        world.subscriptions().buySuiteSubscription(admin, "O365_BUSINESS_PREMIUM", 2, false);
        User bea = located("bea", "Bea Banks");
        User abe = located("abe", "Abe Adams");
        User cy = located("cy", "Cy Cole");
        licences.assignLicense(
                admin, contoso.id(), bea.id().toString(), List.of(new AddLicence(PREMIUM, null)), List.of());
        licensedGroup("Sales", bea, abe, cy);

        List<LicencePath> holders = licences.holdersOf(admin, contoso.id(), PREMIUM);

        // two seats: Bea's (direct, and the group's on top without another seat) and one of Abe and Cy, whichever the
        // group reached first; the other is in error
        List<String> described =
                holders.stream().map(LicenceHoldersRulesTest::describe).toList();
        assertThat(described.subList(1, 3)).containsExactly("Bea Banks direct", "Bea Banks Sales");
        assertThat(described.get(0) + " / " + described.get(3))
                .isIn(
                        "Abe Adams Sales / Cy Cole Sales CountViolation",
                        "Abe Adams Sales CountViolation / Cy Cole Sales");
        assertThat(licences.holdersOf(admin, contoso.id(), "6fd2c87f-b296-42f0-b197-1e91e994b900"))
                .isEmpty();
    }

    @Test
    @DisplayName("r13 (issue 9): a user's licence paths name the group a licence comes from, direct ones first")
    void r13PathsOfAUser() {
        world.subscriptions().buySuiteSubscription(admin, "O365_BUSINESS_PREMIUM", 2, false);
        User bea = located("bea", "Bea Banks");
        licensedGroup("Sales", bea);
        licences.assignLicense(
                admin, contoso.id(), bea.id().toString(), List.of(new AddLicence(PREMIUM, null)), List.of());

        assertThat(licences.pathsOf(admin, contoso.id(), bea.userPrincipalName()))
                .extracting(LicenceHoldersRulesTest::describe)
                .containsExactly("Bea Banks direct", "Bea Banks Sales");
    }
}
