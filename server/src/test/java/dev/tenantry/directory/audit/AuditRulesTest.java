package dev.tenantry.directory.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantry.directory.AuditEvent;
import dev.tenantry.directory.Group;
import dev.tenantry.directory.NewUser;
import dev.tenantry.directory.User;
import dev.tenantry.directory.UserPatch;
import dev.tenantry.directory.groups.NewGroup;
import dev.tenantry.shared.AccessDeniedException;
import dev.tenantry.shared.PageRequest;
import dev.tenantry.testing.TestClock;
import dev.tenantry.testing.TestDirectories;
import dev.tenantry.testing.TestDirectory;
import dev.tenantry.testing.TestWorld;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue 9: the audit log holds each change made, by whom, and nothing of a change refused. */
class AuditRulesTest {

    private final TestClock clock = TestClock.atTen();
    private final TestWorld world = TestWorld.create(clock);
    private final TestDirectory contoso = TestDirectories.contoso().create(world);

    private List<String> activities() {
        return world.audits().all().stream().map(AuditEvent::activity).toList();
    }

    @Test
    @DisplayName("issue 9: a change refused half-way (bad member) leaves no entry; a made one leaves exactly one")
    void refusedChangesLeaveNoEntry() {
        NewGroup bad = new NewGroup(
                "Half",
                null,
                "half",
                false,
                true,
                List.of(),
                null,
                List.of("00000000-0000-4000-8000-000000000000"),
                null);
        assertThatThrownBy(() -> world.groupService().create(contoso.adminCaller(), contoso.id(), bad))
                .isInstanceOf(RuntimeException.class);
        assertThat(activities()).isEmpty();

        Group made = world.groupService()
                .create(
                        contoso.adminCaller(),
                        contoso.id(),
                        new NewGroup("Made", null, "made", false, true, List.of(), null, null, null));

        assertThat(world.audits().all()).singleElement().satisfies(event -> {
            assertThat(event.activity()).isEqualTo("Add group");
            assertThat(event.initiator().kind()).isEqualTo(AuditEvent.Initiator.Kind.USER);
            assertThat(event.initiator().name()).isEqualTo(contoso.admin().userPrincipalName());
            assertThat(event.targets()).extracting(AuditEvent.Target::id).containsExactly(made.id());
        });
    }

    @Test
    @DisplayName("issue 10: adding, changing, resetting the password of, disabling and deleting a user are audited")
    void userChangesAreAudited() {
        User jane = world.userService()
                .createUser(
                        contoso.adminCaller(),
                        contoso.id(),
                        new NewUser("Jane", "jane", TestDirectories.PASSWORD, null, null, null, true, "NL", null));
        String id = jane.id().toString();
        world.userService()
                .updateUser(
                        contoso.adminCaller(),
                        contoso.id(),
                        id,
                        new UserPatch("Jane Doe", null, null, null, null, null, null, null));
        world.userService().resetPassword(contoso.adminCaller(), contoso.id(), id, "An0ther!Passw0rd");
        world.userService()
                .updateUser(
                        contoso.adminCaller(),
                        contoso.id(),
                        id,
                        new UserPatch(null, null, null, null, false, null, null, null));
        world.userService().deleteUser(contoso.adminCaller(), contoso.id(), id);

        assertThat(world.audits().all())
                .filteredOn(event -> event.category().equals("UserManagement"))
                .extracting(AuditEvent::activity)
                .containsExactly("Add user", "Update user", "Reset user password", "Disable account", "Delete user");
        assertThat(world.audits().all())
                .filteredOn(event -> event.activity().equals("Delete user"))
                .singleElement()
                .satisfies(event -> assertThat(event.targets().get(0).id())
                        .isEqualTo(jane.id().value()));
    }

    @Test
    @DisplayName("issue 9: the lifecycle job's moves are audited as Tenantry's own, one entry per run that moves")
    void lifecycleMovesAreAuditedAsTheSystem() {
        world.subscriptions().buySuiteSubscription(contoso.adminCaller(), "O365_BUSINESS_PREMIUM", 5, true);
        clock.advance(Duration.ofDays(31));

        world.services().suiteLifecycle().advance();
        world.services().suiteLifecycle().advance();

        assertThat(world.audits().all())
                .filteredOn(event -> event.activity().equals("Subscription state changed"))
                .singleElement()
                .satisfies(event -> {
                    assertThat(event.initiator().kind()).isEqualTo(AuditEvent.Initiator.Kind.SYSTEM);
                    assertThat(event.targets().get(0).detail())
                            .startsWith("Enabled")
                            .contains("-> Warning");
                });
    }

    @Test
    @DisplayName("issue 9: a member without an administrator role cannot read the log")
    void membersCannotReadTheLog() {
        assertThatThrownBy(() -> world.services()
                        .auditLogs()
                        .list(contoso.member("plain"), contoso.id(), null, null, PageRequest.first(10)))
                .isInstanceOf(AccessDeniedException.class);
    }
}
