package dev.tenantry.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantry.access.RoleDefinition;
import dev.tenantry.access.SubscriptionScope;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.DomainException;
import dev.tenantry.shared.PageRequest;
import dev.tenantry.testing.TestClock;
import dev.tenantry.testing.TestDirectories;
import dev.tenantry.testing.TestDirectory;
import dev.tenantry.testing.TestWorld;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue 10: a cloud subscription's life: cancel, enable, rename, the free trial's end and deletion after retention. */
class CloudLifecycleRulesTest {

    private final TestClock clock = TestClock.atTen();
    private final TestWorld world = TestWorld.create(clock);
    private final TestDirectory contoso = TestDirectories.contoso().create(world);
    private final Caller.User kelley = contoso.adminCaller();
    private final CloudLifecycleService lifecycle = world.services().cloudLifecycle();

    private CloudSubscription cloud(String offerId) {
        return world.subscriptions().createCloudSubscription(kelley, offerId, "Dev", null);
    }

    private Caller.User memberAs(RoleDefinition role, CloudSubscription subscription, String alias) {
        Caller.User member = contoso.member(alias);
        world.access()
                .assign(
                        kelley,
                        new SubscriptionScope(contoso.id(), subscription.id()),
                        UUID.randomUUID(),
                        role,
                        member.userId().value());
        return member;
    }

    private CloudSubscription stored(CloudSubscription subscription) {
        return world.clouds().findById(subscription.id()).orElseThrow();
    }

    private static void assertCode(Runnable work, String code) {
        assertThatThrownBy(work::run).isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code())
                .isEqualTo(code));
    }

    @Test
    @DisplayName("issue 10: cancelling disables the subscription at once, to be deleted after the 90-day retention")
    void cancelDisablesAndSchedulesDeletion() {
        CloudSubscription subscription = cloud("MS-AZR-0003P");

        CloudSubscription cancelled = lifecycle.cancel(kelley, subscription.id());

        assertThat(cancelled.state()).isEqualTo(CloudSubscription.State.DISABLED);
        assertThat(cancelled.stateEndsAt()).isEqualTo(clock.instant().plus(CloudLifecycle.RETENTION));
        assertThat(stored(subscription)).isEqualTo(cancelled);
        assertCode(() -> lifecycle.cancel(kelley, subscription.id()), "subscription_disabled");
    }

    @Test
    @DisplayName("issue 10: a disabled subscription refuses every write (ReadOnlyDisabledSubscription) and still reads")
    void disabledSubscriptionIsReadOnly() {
        CloudSubscription subscription = cloud("MS-AZR-0003P");
        world.resourceGroups().createOrUpdate(kelley, subscription.id(), "rg-web", "westeurope", Map.of());
        Caller.User jane = contoso.member("jane");
        lifecycle.cancel(kelley, subscription.id());
        SubscriptionScope scope = new SubscriptionScope(contoso.id(), subscription.id());

        assertCode(
                () -> world.resourceGroups().createOrUpdate(kelley, subscription.id(), "rg-2", "westeurope", Map.of()),
                "subscription_disabled");
        assertCode(() -> world.resourceGroups().delete(kelley, subscription.id(), "rg-web"), "subscription_disabled");
        assertCode(
                () -> world.access()
                        .assign(
                                kelley,
                                scope,
                                UUID.randomUUID(),
                                RoleDefinition.READER,
                                jane.userId().value()),
                "subscription_disabled");
        assertCode(() -> lifecycle.rename(kelley, subscription.id(), "New name"), "subscription_disabled");
        assertThat(world.resourceGroups().list(kelley, subscription.id())).hasSize(1);
        assertThat(world.subscriptions()
                        .getCloudSubscription(kelley, subscription.id())
                        .state())
                .isEqualTo(CloudSubscription.State.DISABLED);
        assertThat(world.access().list(kelley, scope)).hasSize(1);
    }

    @Test
    @DisplayName(
            "issue 10: enabling a cancelled subscription makes it writable again; enabling an enabled one is a 409")
    void enableReactivates() {
        CloudSubscription subscription = cloud("MS-AZR-0003P");
        lifecycle.cancel(kelley, subscription.id());

        CloudSubscription enabled = lifecycle.enable(kelley, subscription.id());

        assertThat(enabled.state()).isEqualTo(CloudSubscription.State.ENABLED);
        assertThat(enabled.stateEndsAt()).isNull();
        world.resourceGroups().createOrUpdate(kelley, subscription.id(), "rg-web", "westeurope", Map.of());
        assertCode(() -> lifecycle.enable(kelley, subscription.id()), "subscription_already_enabled");
    }

    @Test
    @DisplayName(
            "issue 10: an Owner may cancel and enable; a Contributor or Reader may not; without a role it is a 404")
    void onlyTheAccountAdministratorOrAnOwnerCancels() {
        CloudSubscription subscription = cloud("MS-AZR-0003P");
        Caller.User owner = memberAs(RoleDefinition.OWNER, subscription, "olivia");
        Caller.User contributor = memberAs(RoleDefinition.CONTRIBUTOR, subscription, "carl");
        Caller.User reader = memberAs(RoleDefinition.READER, subscription, "rita");

        assertCode(() -> lifecycle.cancel(contributor, subscription.id()), "authorization_failed");
        assertCode(() -> lifecycle.cancel(reader, subscription.id()), "authorization_failed");
        assertCode(() -> lifecycle.cancel(contoso.member("nobody"), subscription.id()), "subscription_not_found");
        assertThat(stored(subscription).state()).isEqualTo(CloudSubscription.State.ENABLED);

        lifecycle.cancel(owner, subscription.id());
        assertCode(() -> lifecycle.enable(reader, subscription.id()), "authorization_failed");
        assertThat(lifecycle.enable(owner, subscription.id()).state()).isEqualTo(CloudSubscription.State.ENABLED);
    }

    @Test
    @DisplayName("issue 10: rename changes the name (Owner or Contributor), refusing a blank or too long one")
    void renameChangesTheName() {
        CloudSubscription subscription = cloud("MS-AZR-0003P");
        Caller.User contributor = memberAs(RoleDefinition.CONTRIBUTOR, subscription, "carl");
        Caller.User reader = memberAs(RoleDefinition.READER, subscription, "rita");

        assertThat(lifecycle
                        .rename(contributor, subscription.id(), " Production ")
                        .displayName())
                .isEqualTo("Production");
        assertThat(stored(subscription).displayName()).isEqualTo("Production");
        assertCode(() -> lifecycle.rename(reader, subscription.id(), "Mine"), "authorization_failed");
        assertCode(() -> lifecycle.rename(kelley, subscription.id(), " "), "missing_field");
        assertThatThrownBy(() -> lifecycle.rename(kelley, subscription.id(), "x".repeat(65)))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.field()).contains("subscriptionName"));
    }

    @Test
    @DisplayName("issue 10: a free trial ends on the clock after 30 days (Disabled) and cannot be enabled again")
    void freeTrialEndsAfterThirtyDays() {
        CloudSubscription trial = cloud("MS-AZR-0044P");
        CloudSubscription paid = cloud("MS-AZR-0003P");
        assertThat(trial.stateEndsAt()).isEqualTo(clock.instant().plus(CloudLifecycle.TRIAL));
        assertThat(paid.stateEndsAt()).isNull();

        clock.advance(Duration.ofDays(30).minusMinutes(1));
        assertThat(lifecycle.advance()).isZero();
        clock.advance(Duration.ofMinutes(1));
        assertThat(lifecycle.advance()).isEqualTo(1);

        assertThat(stored(trial).state()).isEqualTo(CloudSubscription.State.DISABLED);
        assertThat(stored(trial).stateEndsAt()).isEqualTo(trial.stateEndsAt().plus(CloudLifecycle.RETENTION));
        assertThat(stored(paid).state()).isEqualTo(CloudSubscription.State.ENABLED);
        assertCode(() -> lifecycle.enable(kelley, trial.id()), "trial_ended");
        assertThat(lifecycle.advance()).isZero();
    }

    @Test
    @DisplayName("issue 10: a cancelled trial re-enabled before its end runs to the trial's end again")
    void reEnabledTrialKeepsItsEnd() {
        CloudSubscription trial = cloud("MS-AZR-0044P");
        lifecycle.cancel(kelley, trial.id());

        assertThat(lifecycle.enable(kelley, trial.id()).stateEndsAt()).isEqualTo(trial.stateEndsAt());
    }

    @Test
    @DisplayName("issue 10: a cancelled subscription is deleted after 90 days, its roles and co-administrators with it")
    void cancelledSubscriptionIsDeletedAfterRetention() {
        CloudSubscription subscription = cloud("MS-AZR-0003P");
        world.services()
                .subscriptionAdministrators()
                .addCoAdministrator(
                        kelley, subscription.id(), contoso.member("tricia").userId());
        lifecycle.cancel(kelley, subscription.id());

        clock.advance(CloudLifecycle.RETENTION);
        assertThat(lifecycle.advance()).isEqualTo(1);

        assertThat(stored(subscription).state()).isEqualTo(CloudSubscription.State.DELETED);
        assertThat(world.assignments().bySubscription(subscription.id())).isEmpty();
        assertThat(world.subscriptionAdministrators().grants(subscription.id())).isEmpty();
        assertThat(world.subscriptions()
                        .visibleCloudSubscriptions(kelley, new PageRequest(null, 100))
                        .items())
                .isEmpty();
        assertThat(world.subscriptions().cloudSubscriptionsOf(kelley, contoso.id()))
                .isEmpty();
        assertCode(() -> lifecycle.enable(kelley, subscription.id()), "subscription_not_found");
        assertThat(world.audits().all())
                .anySatisfy(e -> assertThat(e.activity()).isEqualTo("Subscription state changed"));
    }

    @Test
    @DisplayName("issue 10: a server that was off catches up: a trial 200 days old goes straight to Deleted")
    void jobCatchesUpAfterDowntime() {
        CloudSubscription trial = cloud("MS-AZR-0044P");

        clock.advance(Duration.ofDays(200));
        assertThat(lifecycle.advance()).isEqualTo(2);

        assertThat(stored(trial).state()).isEqualTo(CloudSubscription.State.DELETED);
        assertThat(stored(trial).stateEndsAt()).isNull();
    }
}
