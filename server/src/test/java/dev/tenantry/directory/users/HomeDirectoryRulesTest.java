package dev.tenantry.directory.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantry.directory.NewUser;
import dev.tenantry.directory.User;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.ConflictException;
import dev.tenantry.shared.NotFoundException;
import dev.tenantry.shared.PageRequest;
import dev.tenantry.shared.RuleViolationException;
import dev.tenantry.shared.UserId;
import dev.tenantry.testing.TestDirectories;
import dev.tenantry.testing.TestDirectory;
import dev.tenantry.testing.TestWorld;
import java.util.List;
import org.junit.jupiter.api.Test;

class HomeDirectoryRulesTest {

    private final TestWorld world = TestWorld.create();
    private final TestDirectory contoso = TestDirectories.contoso().create(world);
    private final TestDirectory fabrikam = TestDirectories.fabrikam().create(world);

    private List<UserId> userIdsSeenBy(Caller caller) {
        return world.userService().listUsers(caller, contoso.id(), List.of(), PageRequest.first(50)).items().stream()
                .map(User::id)
                .toList();
    }

    @Test
    void r2NewUserBelongsToTheDirectoryItWasCreatedIn() {
        User kelley = contoso.addUser("kelley");

        assertThat(kelley.tenantId()).isEqualTo(contoso.id());
        assertThatThrownBy(() -> world.userService()
                        .getUser(Caller.system(), fabrikam.id(), kelley.id().toString()))
                .isInstanceOfSatisfying(
                        NotFoundException.class, e -> assertThat(e.code()).isEqualTo("user_not_found"));
    }

    @Test
    void r2UpnOfAnotherDirectoryCannotBeCreatedInThisOne() {
        contoso.addUser("kelley");
        int before = world.users().count();

        assertThatThrownBy(() -> world.userService()
                        .createUser(
                                fabrikam.adminCaller(),
                                fabrikam.id(),
                                NewUser.of("Kelley", "kelley@contoso.onmicrosoft.test", TestDirectories.PASSWORD)))
                .isInstanceOfSatisfying(
                        RuleViolationException.class, e -> assertThat(e.code()).isEqualTo("domain_not_in_directory"));
        assertThat(world.users().count()).isEqualTo(before);
    }

    @Test
    void r2UpnTakenInTheSameDirectoryIsAConflict() {
        contoso.addUser("kelley");

        assertThatThrownBy(() -> world.userService()
                        .createUser(
                                contoso.adminCaller(),
                                contoso.id(),
                                NewUser.of("Kelley 2", "KELLEY", TestDirectories.PASSWORD)))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("upn_taken"));
    }

    @Test
    void r2AMemberAndItsAdministratorListTheSameUsersOfTheirDirectory() {
        Caller.User member = contoso.member("kelley");
        contoso.addUser("megan");
        fabrikam.addUser("alex");

        List<UserId> seenByMember = userIdsSeenBy(member);
        List<UserId> seenByAdmin = userIdsSeenBy(contoso.adminCaller());

        assertThat(seenByMember).hasSize(3).isEqualTo(seenByAdmin);
    }
}
