package dev.tenantry.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantry.access.RoleAssignment;
import dev.tenantry.access.RoleDefinition;
import dev.tenantry.access.SubscriptionScope;
import dev.tenantry.directory.Audit;
import dev.tenantry.directory.AuditEvent;
import dev.tenantry.directory.DirectoryMemberships;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.DomainException;
import dev.tenantry.shared.PageRequest;
import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.UserId;
import dev.tenantry.testing.TestDirectories;
import dev.tenantry.testing.TestDirectory;
import dev.tenantry.testing.TestWorld;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * R11 over the in-memory world: moving a cloud subscription to another directory, with a small stand-in for the guest
 * feature ({@link Guests}) saying that contoso's account administrator is a guest of fabrikam.
 */
class ChangeDirectoryRulesTest {

    private final TestWorld world = TestWorld.create();
    private final TestDirectory contoso = TestDirectories.contoso().create(world);
    private final TestDirectory fabrikam = TestDirectories.fabrikam().create(world);
    private final Caller.User kelley = contoso.adminCaller();
    /** Kelley's guest object in fabrikam, pointing back to her home account (R2). */
    private final Caller.User kelleyInFabrikam =
            new Caller.User(fabrikam.id(), fabrikam.member("kelley_guest").userId(), kelley.home(), Optional.empty());

    private final Guests guests = new Guests();
    private final List<String> coAdministratorsRemoved = new ArrayList<>();
    private final ChangeDirectoryService changes = new ChangeDirectoryService(
            world.subscriptions(),
            world.clouds(),
            world.assignments(),
            world.access(),
            guests,
            new CoAdministrators() {
                @Override
                public List<String> namesOf(UUID subscriptionId) {
                    return List.of("co-admin@contoso.onmicrosoft.test");
                }

                @Override
                public int removeAll(UUID subscriptionId) {
                    coAdministratorsRemoved.add(subscriptionId.toString());
                    return 1;
                }
            },
            new ChangeDirectoryService.Directories(
                    world.tenants(), world.users(), world.services().stores().applications()),
            new Audit(world.audits(), world.users(), world.clock()),
            world.transactions(),
            world.services().managedIdentities());

    /** Where an account may act: its home, and the directories listed here as having made it a guest. */
    private static final class Guests implements DirectoryMemberships {
        private final Map<TenantId, Map<Caller.Account, UserId>> guestObjects = new java.util.HashMap<>();

        void add(TenantId tenant, Caller.Account account, UserId guest) {
            guestObjects.computeIfAbsent(tenant, t -> new java.util.HashMap<>()).put(account, guest);
        }

        @Override
        public Optional<UserId> userIn(TenantId tenantId, Caller.Account account) {
            return DirectoryMemberships.homeOnly()
                    .userIn(tenantId, account)
                    .or(() -> Optional.ofNullable(
                            guestObjects.getOrDefault(tenantId, Map.of()).get(account)));
        }

        @Override
        public List<TenantId> directoriesOf(Caller.Account account) {
            List<TenantId> all = new ArrayList<>(List.of(account.tenantId()));
            guestObjects.forEach((tenant, accounts) -> {
                if (accounts.containsKey(account)) {
                    all.add(tenant);
                }
            });
            return all;
        }
    }

    private CloudSubscription cloud(String offerId) {
        return world.subscriptions().createCloudSubscription(kelley, offerId, "Dev", null);
    }

    /** Jane, a member of contoso holding {@code role} on the subscription. */
    private Caller.User janeAs(RoleDefinition role, CloudSubscription subscription) {
        Caller.User jane = contoso.member("jane");
        world.access()
                .assign(
                        kelley,
                        scope(contoso.id(), subscription),
                        UUID.randomUUID(),
                        role,
                        jane.userId().value());
        return jane;
    }

    private void kelleyIsAGuestOfFabrikam() {
        guests.add(fabrikam.id(), kelley.home(), kelleyInFabrikam.userId());
    }

    private static SubscriptionScope scope(TenantId tenant, CloudSubscription subscription) {
        return new SubscriptionScope(tenant, subscription.id());
    }

    private void assertRefused(Runnable move, SubscriptionError code, String messagePart) {
        assertThatThrownBy(move::run).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.code()).isEqualTo(code.value());
            assertThat(e.getMessage()).contains(messagePart);
        });
    }

    @Test
    @DisplayName("R11: the account administrator moves the subscription to a directory where she is a guest")
    void r11AccountAdministratorMovesSubscriptionToDirectoryWhereSheIsAGuest() {
        CloudSubscription subscription = cloud("MS-AZR-0003P");
        janeAs(RoleDefinition.READER, subscription);
        kelleyIsAGuestOfFabrikam();

        ChangeDirectoryService.Moved moved =
                changes.changeDirectory(kelley, subscription.id(), fabrikam.id().toString());

        assertThat(moved.from()).isEqualTo(contoso.id());
        assertThat(moved.roleAssignmentsRemoved()).isEqualTo(2);
        assertThat(moved.coAdministratorsRemoved()).isEqualTo(1);
        CloudSubscription stored = world.clouds().findById(subscription.id()).orElseThrow();
        assertThat(stored.tenantId()).isEqualTo(fabrikam.id());
        assertThat(stored.accountAdministrator()).isEqualTo(kelleyInFabrikam.userId());
        assertThat(world.assignments().bySubscription(subscription.id()))
                .singleElement()
                .satisfies(owner -> {
                    assertThat(owner.role()).isEqualTo(RoleDefinition.OWNER);
                    assertThat(owner.principalId())
                            .isEqualTo(kelleyInFabrikam.userId().value());
                    assertThat(owner.tenantId()).isEqualTo(fabrikam.id());
                });
        assertThat(coAdministratorsRemoved).containsExactly(subscription.id().toString());
    }

    @Test
    @DisplayName("R11: after the move it is listed in the target for its Owner and gone from the old directory")
    void r11SubscriptionIsVisibleInTheTargetAndGoneFromTheOldDirectory() {
        CloudSubscription subscription = cloud("MS-AZR-0003P");
        Caller.User jane = janeAs(RoleDefinition.OWNER, subscription);
        kelleyIsAGuestOfFabrikam();

        changes.changeDirectory(kelley, subscription.id(), fabrikam.id().toString());

        PageRequest first = new PageRequest(null, 100);
        assertThat(world.subscriptions()
                        .visibleCloudSubscriptions(kelleyInFabrikam, first)
                        .items())
                .extracting(CloudSubscription::id)
                .containsExactly(subscription.id());
        assertThat(world.subscriptions()
                        .visibleCloudSubscriptions(kelley, first)
                        .items())
                .isEmpty();
        assertThat(world.subscriptions().visibleCloudSubscriptions(jane, first).items())
                .isEmpty();
        assertThat(world.subscriptions().cloudSubscriptionsOf(kelley, contoso.id()))
                .isEmpty();
        assertThat(world.subscriptions().cloudSubscriptionsOf(fabrikam.adminCaller(), fabrikam.id()))
                .extracting(CloudSubscription::id)
                .containsExactly(subscription.id());
    }

    @Test
    @DisplayName("R11 / issue 11: a move removes the managed identities' principals from the old directory, as Azure"
            + " asks for system-assigned ones to be enabled again and user-assigned ones to be created again")
    void r11MoveResetsManagedIdentities() {
        CloudSubscription subscription = cloud("MS-AZR-0003P");
        world.resourceGroups().createOrUpdate(kelley, subscription.id(), "rg-app", "westeurope", Map.of());
        ManagedIdentityService identities = world.services().managedIdentities();
        ComputeHostService hosts = world.services().computeHosts();
        ManagedIdentity userAssigned = identities
                .createOrUpdate(kelley, subscription.id(), "rg-app", "id-app", "westeurope", Map.of())
                .identity();
        ManagedIdentity systemAssigned = host(kelley, subscription, true, userAssigned.resourceId())
                .systemAssigned()
                .orElseThrow();
        kelleyIsAGuestOfFabrikam();
        List<String> listed = changes.preview(
                        kelley, subscription.id(), fabrikam.id().toString())
                .managedIdentities();

        changes.changeDirectory(kelley, subscription.id(), fabrikam.id().toString());

        assertThat(listed)
                .containsExactly(
                        "web-1 (system-assigned, resource group rg-app)",
                        "id-app (user-assigned, resource group rg-app)");
        var applications = world.services().stores().applications();
        assertThat(applications.findServicePrincipal(contoso.id(), systemAssigned.principalId()))
                .isEmpty();
        assertThat(applications.findServicePrincipal(contoso.id(), userAssigned.principalId()))
                .isEmpty();
        ComputeHostService.HostView stale = hosts.get(kelleyInFabrikam, subscription.id(), "rg-app", "web-1");
        assertThat(stale.identities()).isEmpty();
        assertThat(identities.list(kelleyInFabrikam, subscription.id(), "rg-app"))
                .isEmpty();
        assertThat(world.audits().all().stream().filter(e -> e.activity().equals("Change subscription directory")))
                .allSatisfy(e -> assertThat(e.targets().getFirst().detail())
                        .contains("2 managed identities to enable or create again"));

        ManagedIdentity recreated = identities
                .createOrUpdate(kelleyInFabrikam, subscription.id(), "rg-app", "id-app", "westeurope", Map.of())
                .identity();
        ComputeHostService.HostView enabled = host(kelleyInFabrikam, subscription, true, recreated.resourceId());
        assertThat(enabled.identities()).extracting(ManagedIdentity::tenantId).containsOnly(fabrikam.id());
        assertThat(enabled.systemAssigned().orElseThrow().principalId()).isNotEqualTo(systemAssigned.principalId());
        assertThat(applications.findServicePrincipal(
                        fabrikam.id(), enabled.systemAssigned().orElseThrow().principalId()))
                .isPresent();
    }

    private ComputeHostService.HostView host(
            Caller caller, CloudSubscription subscription, boolean systemAssigned, String userAssignedId) {
        return world.services()
                .computeHosts()
                .createOrUpdate(
                        caller,
                        subscription.id(),
                        "rg-app",
                        "web-1",
                        "westeurope",
                        Map.of(),
                        new ComputeHostService.IdentityRequest(systemAssigned, List.of(userAssignedId)))
                .host();
    }

    @Test
    @DisplayName("R11: the move is audited in both directories")
    void r11MoveIsAuditedInBothDirectories() {
        CloudSubscription subscription = cloud("MS-AZR-0003P");
        kelleyIsAGuestOfFabrikam();

        changes.changeDirectory(kelley, subscription.id(), fabrikam.id().toString());

        List<AuditEvent> moves = world.audits().all().stream()
                .filter(e -> e.activity().equals("Change subscription directory"))
                .toList();
        assertThat(moves).extracting(AuditEvent::tenantId).containsExactlyInAnyOrder(contoso.id(), fabrikam.id());
        assertThat(moves)
                .allSatisfy(e -> assertThat(e.targets()).singleElement().satisfies(t -> {
                    assertThat(t.id()).isEqualTo(subscription.id());
                    assertThat(t.detail()).contains("1 role assignment and 1 co-administrator removed");
                }));
    }

    @Test
    @DisplayName(
            "R11: the confirmation lists every role assignment and co-administrator the move removes, changing nothing")
    void r11PreviewListsWhatTheMoveRemoves() {
        CloudSubscription subscription = cloud("MS-AZR-0003P");
        janeAs(RoleDefinition.READER, subscription);
        kelleyIsAGuestOfFabrikam();

        ChangeDirectoryService.Preview preview =
                changes.preview(kelley, subscription.id(), fabrikam.id().toString());

        assertThat(preview.target().id()).isEqualTo(fabrikam.id());
        assertThat(preview.roleAssignments())
                .extracting(ChangeDirectoryService.Removal::role, ChangeDirectoryService.Removal::principalType)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("Owner", "User"),
                        org.assertj.core.groups.Tuple.tuple("Reader", "User"));
        assertThat(preview.roleAssignments())
                .extracting(ChangeDirectoryService.Removal::principalName)
                .allSatisfy(name -> assertThat(name).contains("@contoso.onmicrosoft.test"));
        assertThat(preview.coAdministrators()).containsExactly("co-admin@contoso.onmicrosoft.test");
        assertThat(world.assignments().bySubscription(subscription.id())).hasSize(2);
        assertThat(world.clouds().findById(subscription.id()).orElseThrow().tenantId())
                .isEqualTo(contoso.id());
        assertThat(changes.targets(kelley, subscription.id()))
                .extracting(t -> t.id())
                .containsExactly(fabrikam.id());
    }

    @Test
    @DisplayName("R11: an Owner who is not the account administrator is refused, and nothing changes")
    void r11OwnerWhoIsNotTheAccountAdministratorIsRefused() {
        CloudSubscription subscription = cloud("MS-AZR-0003P");
        Caller.User jane = janeAs(RoleDefinition.OWNER, subscription);
        guests.add(fabrikam.id(), jane.home(), fabrikam.member("jane_guest").userId());

        assertRefused(
                () -> changes.changeDirectory(
                        jane, subscription.id(), fabrikam.id().toString()),
                SubscriptionError.ACCOUNT_ADMINISTRATOR_REQUIRED,
                "Only the subscription's account administrator");
        assertThat(world.clouds().findById(subscription.id()).orElseThrow().tenantId())
                .isEqualTo(contoso.id());
        assertThat(world.assignments().bySubscription(subscription.id())).hasSize(2);
    }

    @Test
    @DisplayName("R11: a target directory where the account administrator is not a user is refused")
    void r11TargetWhereTheCallerIsNotAUserIsRefused() {
        CloudSubscription subscription = cloud("MS-AZR-0003P");

        assertRefused(
                () -> changes.changeDirectory(
                        kelley, subscription.id(), fabrikam.id().toString()),
                SubscriptionError.NOT_A_USER_OF_TARGET_DIRECTORY,
                "invite you as a guest");
        assertThat(world.clouds().findById(subscription.id()).orElseThrow().tenantId())
                .isEqualTo(contoso.id());
    }

    @Test
    @DisplayName(
            "R11, R14: an unknown target is refused exactly as a directory the caller is not in, revealing nothing")
    void r11UnknownTargetIsRefusedLikeADirectoryTheCallerIsNotIn() {
        CloudSubscription subscription = cloud("MS-AZR-0003P");
        String unknown = UUID.randomUUID().toString();

        assertRefused(
                () -> changes.changeDirectory(kelley, subscription.id(), unknown),
                SubscriptionError.NOT_A_USER_OF_TARGET_DIRECTORY,
                "(or there is no such directory)");
        assertRefused(
                () -> changes.changeDirectory(
                        kelley, subscription.id(), fabrikam.id().toString()),
                SubscriptionError.NOT_A_USER_OF_TARGET_DIRECTORY,
                "(or there is no such directory)");
    }

    @Test
    @DisplayName("R11: the subscription's own directory is refused as a target")
    void r11SameDirectoryIsRefused() {
        CloudSubscription subscription = cloud("MS-AZR-0003P");

        assertRefused(
                () -> changes.changeDirectory(
                        kelley, subscription.id(), contoso.id().toString()),
                SubscriptionError.SAME_DIRECTORY,
                "choose another directory");
    }

    @Test
    @DisplayName("R11: a disabled subscription is refused until it is enabled again")
    void r11DisabledSubscriptionIsRefused() {
        CloudSubscription subscription = cloud("MS-AZR-0003P");
        world.services().cloudLifecycle().cancel(kelley, subscription.id());
        kelleyIsAGuestOfFabrikam();

        assertRefused(
                () -> changes.changeDirectory(
                        kelley, subscription.id(), fabrikam.id().toString()),
                SubscriptionError.SUBSCRIPTION_DISABLED,
                "Re-enable it first");
        assertThat(world.clouds().findById(subscription.id()).orElseThrow().tenantId())
                .isEqualTo(contoso.id());
    }

    @Test
    @DisplayName("R11, R12: a subscription of an enterprise agreement is refused")
    void r11EnterpriseAgreementSubscriptionIsRefused() {
        CloudSubscription enterprise = new CloudSubscription(
                UUID.randomUUID(),
                contoso.id(),
                "EA",
                "MS-AZR-0017P",
                CloudSubscription.State.ENABLED,
                kelley.userId(),
                TestWorld.NOW);
        world.clouds().insert(enterprise);
        RoleAssignment ignored = world.access()
                .grantOwner(scope(contoso.id(), enterprise), kelley.userId().value());
        kelleyIsAGuestOfFabrikam();

        assertRefused(
                () -> changes.changeDirectory(
                        kelley, enterprise.id(), fabrikam.id().toString()),
                SubscriptionError.ENTERPRISE_SUBSCRIPTION_NOT_MOVABLE,
                "enterprise agreement");
    }

    @Test
    @DisplayName("R11, R14: a caller without a role is told the subscription does not exist; an application is refused")
    void r11CallerWithoutARoleOrAnApplicationIsRefused() {
        CloudSubscription subscription = cloud("MS-AZR-0003P");

        assertThatThrownBy(() -> changes.changeDirectory(
                        contoso.member("nobody"),
                        subscription.id(),
                        fabrikam.id().toString()))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("subscription_not_found"));
        assertThatThrownBy(() -> changes.changeDirectory(
                        fabrikam.adminCaller(), subscription.id(), fabrikam.id().toString()))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("subscription_not_found"));
        assertRefused(
                () -> changes.changeDirectory(
                        contoso.app(), subscription.id(), fabrikam.id().toString()),
                SubscriptionError.USER_REQUIRED,
                "signed-in user");
    }

    @Test
    @DisplayName("R11: a missing or malformed target is a 400 naming the field")
    void r11MissingOrMalformedTargetIsBadRequest() {
        CloudSubscription subscription = cloud("MS-AZR-0003P");

        assertThatThrownBy(() -> changes.changeDirectory(kelley, subscription.id(), " "))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("missing_field"));
        assertThatThrownBy(() -> changes.changeDirectory(kelley, subscription.id(), "contoso"))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("invalid_id"));
    }

    @Test
    @DisplayName("R11: the server's own wiring answers for members only until guests land: every move is refused")
    void r11HomeOnlyWiringRefusesEveryMove() {
        CloudSubscription subscription = cloud("MS-AZR-0003P");

        assertRefused(
                () -> world.services()
                        .changeDirectory()
                        .changeDirectory(
                                kelley, subscription.id(), fabrikam.id().toString()),
                SubscriptionError.NOT_A_USER_OF_TARGET_DIRECTORY,
                "invite you as a guest");
    }
}
