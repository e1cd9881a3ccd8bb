package dev.tenantry.subscriptions;

import dev.tenantry.directory.NewUser;
import dev.tenantry.directory.User;
import dev.tenantry.shared.Caller;
import dev.tenantry.subscriptions.LicenceService.AddLicence;
import dev.tenantry.testing.TestDirectories;
import dev.tenantry.testing.TestDirectory;
import dev.tenantry.testing.TestWorld;
import java.util.List;

/** Users who can hold a licence (R13: a usage location), for the tests of seats and of a subscription's life. */
final class LicensedUsers {

    private LicensedUsers() {}

    /** A new enabled user {@code alias} with usage location NL and the test password. */
    static NewUser located(String alias) {
        return new NewUser(alias, alias, TestDirectories.PASSWORD, null, null, null, true, "NL", null);
    }

    /** A new user {@code alias} of {@code directory} holding a licence of {@code skuId}, given by its administrator. */
    static User licensed(TestWorld world, TestDirectory directory, String alias, String skuId) {
        User user = world.userService().createUser(Caller.system(), directory.id(), located(alias));
        return world.licences()
                .assignLicense(
                        directory.adminCaller(),
                        directory.id(),
                        user.id().toString(),
                        List.of(new AddLicence(skuId, null)),
                        List.of());
    }
}
