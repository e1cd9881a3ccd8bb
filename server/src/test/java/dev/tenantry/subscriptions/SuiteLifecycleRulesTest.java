package dev.tenantry.subscriptions;

import static dev.tenantry.directory.DirectoryRoleTemplate.USER_ADMINISTRATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantry.directory.User;
import dev.tenantry.shared.AccessDeniedException;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.DomainException;
import dev.tenantry.shared.ErrorCode;
import dev.tenantry.subscriptions.SuiteSubscription.State;
import dev.tenantry.testing.TestBillingDetails;
import dev.tenantry.testing.TestClock;
import dev.tenantry.testing.TestDirectories;
import dev.tenantry.testing.TestDirectory;
import dev.tenantry.testing.TestWorld;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 9: a suite subscription's life on a clock the test moves: trial → Warning (grace) → Suspended → Deleted,
 * converting a trial, cancel and reactivate, and the job that makes the moves, idempotent.
 */
class SuiteLifecycleRulesTest {

    private static final String PREMIUM = "f245ecc8-75af-4f8e-b61f-27d8114de5c3";
    private static final Duration DAY = Duration.ofDays(1);

    private final TestClock clock = TestClock.atTen();
    private final TestWorld world = TestWorld.create(clock);
    private final TestDirectory contoso = TestDirectories.contoso().create(world);
    private final SuiteLifecycleService lifecycle = world.services().suiteLifecycle();

    private SuiteSubscription buy(boolean trial) {
        return world.subscriptions().buySuiteSubscription(contoso.adminCaller(), "O365_BUSINESS_PREMIUM", 5, trial);
    }

    private SuiteSubscription current(SuiteSubscription subscription) {
        return world.subscriptions().getSuiteSubscription(Caller.system(), contoso.id(), subscription.id());
    }

    private User licensed(String alias) {
        return LicensedUsers.licensed(world, contoso, alias, PREMIUM);
    }

    private List<LicenceAssignment> licencesOf(User user) {
        return world.licences()
                .licencesOf(Caller.system(), contoso.id(), user.id().toString());
    }

    private void assertPlansWork(User user, boolean work) {
        assertThat(licencesOf(user)).singleElement().satisfies(licence -> assertThat(licence.plansWork())
                .isEqualTo(work));
    }

    private List<SubscribedSku> skus() {
        return world.subscriptions().subscribedSkus(Caller.system(), contoso.id());
    }

    private static void assertRefused(Runnable change, SubscriptionError code, String message) {
        assertThatThrownBy(change::run).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(code);
            assertThat(e.getMessage()).contains(message);
        });
    }

    @Test
    @DisplayName("issue 9: a trial runs the catalog's 30 days; the job does nothing before its end")
    void aTrialRunsItsLength() {
        SuiteSubscription trial = buy(true);

        assertThat(trial.trialEndsAt()).isEqualTo(clock.instant().plus(Duration.ofDays(30)));
        assertThat(trial.stateEndsAt()).isEqualTo(trial.trialEndsAt());
        clock.advance(Duration.ofDays(30).minusSeconds(1));
        assertThat(lifecycle.advance()).isZero();
        assertThat(current(trial).state()).isEqualTo(State.ENABLED);
    }

    @Test
    @DisplayName("issue 9: an ended trial is Warning for the 30-day grace period; its licences still work")
    void anEndedTrialIsWarningAndLicencesStillWork() {
        SuiteSubscription trial = buy(true);
        User adele = licensed("adele");
        clock.advance(Duration.ofDays(30));

        assertThat(lifecycle.advance()).isEqualTo(1);

        SuiteSubscription expired = current(trial);
        assertThat(expired.state()).isEqualTo(State.WARNING);
        assertThat(expired.stateEndsAt()).isEqualTo(trial.trialEndsAt().plus(SuiteLifecycle.GRACE));
        assertThat(skus()).singleElement().satisfies(sku -> {
            assertThat(sku.capabilityStatus()).isEqualTo(State.WARNING);
            assertThat(List.of(sku.enabledUnits(), sku.warningUnits(), sku.suspendedUnits(), sku.consumedUnits()))
                    .containsExactly(0, 5, 0, 1);
            assertThat(sku.plansWork()).isTrue();
        });
        assertPlansWork(adele, true);
    }

    @Test
    @DisplayName("issue 9: running the job twice changes nothing more")
    void theJobIsIdempotent() {
        SuiteSubscription trial = buy(true);
        clock.advance(Duration.ofDays(31));
        lifecycle.advance();
        SuiteSubscription once = current(trial);

        assertThat(lifecycle.advance()).isZero();
        assertThat(current(trial)).isEqualTo(once);
    }

    @Test
    @DisplayName("issue 9: after the grace period it is Suspended and its users lose the service plans")
    void afterTheGracePeriodUsersLoseThePlans() {
        SuiteSubscription trial = buy(true);
        User adele = licensed("adele");
        clock.advance(Duration.ofDays(30));
        lifecycle.advance();
        clock.advance(SuiteLifecycle.GRACE.minus(DAY));
        assertThat(lifecycle.advance()).isZero();
        clock.advance(DAY);

        assertThat(lifecycle.advance()).isEqualTo(1);

        assertThat(current(trial).state()).isEqualTo(State.SUSPENDED);
        assertThat(skus()).singleElement().satisfies(sku -> {
            assertThat(sku.capabilityStatus()).isEqualTo(State.SUSPENDED);
            assertThat(List.of(sku.enabledUnits(), sku.warningUnits(), sku.suspendedUnits()))
                    .containsExactly(0, 0, 5);
            assertThat(sku.plansWork()).isFalse();
        });
        assertThat(licencesOf(adele)).singleElement().satisfies(licence -> {
            assertThat(licence.capabilityStatus()).isEqualTo(State.SUSPENDED);
            assertThat(licence.plansWork()).isFalse();
        });
    }

    @Test
    @DisplayName("issue 9: after 90 days suspended it is Deleted, and the licences of its SKU are removed")
    void afterTheRetentionItIsDeletedWithItsLicences() {
        SuiteSubscription trial = buy(true);
        User adele = licensed("adele");
        clock.advance(Duration.ofDays(30).plus(SuiteLifecycle.GRACE));
        lifecycle.advance();
        clock.advance(SuiteLifecycle.DISABLED);

        lifecycle.advance();

        assertThat(current(trial).state()).isEqualTo(State.DELETED);
        assertThat(current(trial).seats()).isZero();
        assertThat(skus()).isEmpty();
        assertThat(licencesOf(adele)).isEmpty();
        assertThat(world.licenceStore().assignedBySku(contoso.id())).isEmpty();
    }

    @Test
    @DisplayName("issue 9: a server that was off catches up, each step from when the last one ran out")
    void theJobCatchesUp() {
        SuiteSubscription trial = buy(true);
        clock.advance(Duration.ofDays(30).plus(SuiteLifecycle.GRACE).plus(DAY));

        assertThat(lifecycle.advance()).isEqualTo(2);

        assertThat(current(trial).state()).isEqualTo(State.SUSPENDED);
        assertThat(current(trial).stateEndsAt())
                .isEqualTo(trial.trialEndsAt().plus(SuiteLifecycle.GRACE).plus(SuiteLifecycle.DISABLED));
    }

    @Test
    @DisplayName("issue 9: a deleted subscription's licences stay while another subscription of the SKU is alive")
    void licencesStayWhileTheSkuLives() {
        SuiteSubscription trial = buy(true);
        buy(false);
        User adele = licensed("adele");
        clock.advance(Duration.ofDays(300));

        lifecycle.advance();

        assertThat(current(trial).state()).isEqualTo(State.DELETED);
        assertPlansWork(adele, true);
    }

    @Test
    @DisplayName("issue 9: converting a trial needs a billing profile and keeps it Enabled past the trial's end")
    void convertingATrialKeepsItEnabled() {
        SuiteSubscription trial = buy(true);

        assertRefused(
                () -> lifecycle.convertToPaid(contoso.adminCaller(), contoso.id(), trial.id(), null),
                SubscriptionError.BILLING_PROFILE_REQUIRED,
                "send 'billingProfile'");
        SuiteSubscription paid = lifecycle.convertToPaid(
                contoso.adminCaller(),
                contoso.id(),
                trial.id(),
                TestBillingDetails.valid().build());

        assertThat(paid.trial()).isFalse();
        assertThat(paid.stateEndsAt()).isNull();
        clock.advance(Duration.ofDays(400));
        assertThat(lifecycle.advance()).isZero();
        assertThat(current(trial).state()).isEqualTo(State.ENABLED);
        assertRefused(
                () -> lifecycle.convertToPaid(contoso.adminCaller(), contoso.id(), trial.id(), null),
                SubscriptionError.NOT_A_TRIAL,
                "paid already");
    }

    @Test
    @DisplayName("issue 9: an expired trial is bought with the directory's billing profile and is Enabled again")
    void anExpiredTrialIsBought() {
        SuiteSubscription first = buy(true);
        lifecycle.convertToPaid(
                contoso.adminCaller(),
                contoso.id(),
                first.id(),
                TestBillingDetails.valid().build());
        SuiteSubscription trial = buy(true);
        clock.advance(Duration.ofDays(31));
        lifecycle.advance();
        assertRefused(
                () -> lifecycle.reactivate(contoso.adminCaller(), contoso.id(), trial.id()),
                SubscriptionError.TRIAL_ENDED,
                "buy the subscription");

        SuiteSubscription paid = lifecycle.convertToPaid(contoso.adminCaller(), contoso.id(), trial.id(), null);

        assertThat(paid.state()).isEqualTo(State.ENABLED);
        assertThat(paid.seatsEnabled()).isEqualTo(5);
    }

    @Test
    @DisplayName("issue 9: cancelling disables at once; reactivating brings the seats back; each refuses a repeat")
    void cancelAndReactivate() {
        SuiteSubscription paid = buy(false);
        User adele = licensed("adele");

        SuiteSubscription cancelled = lifecycle.cancel(contoso.adminCaller(), contoso.id(), paid.id());

        assertThat(cancelled.state()).isEqualTo(State.SUSPENDED);
        assertThat(cancelled.seatsSuspended()).isEqualTo(5);
        assertThat(cancelled.stateEndsAt()).isEqualTo(clock.instant().plus(SuiteLifecycle.DISABLED));
        assertPlansWork(adele, false);
        assertRefused(
                () -> lifecycle.cancel(contoso.adminCaller(), contoso.id(), paid.id()),
                SubscriptionError.SUBSCRIPTION_SUSPENDED,
                "cancelled (Suspended) already");
        assertRefused(
                () -> lifecycle.changeSeats(contoso.adminCaller(), contoso.id(), paid.id(), 1),
                SubscriptionError.SUBSCRIPTION_NOT_ENABLED,
                "reactivate it");

        clock.advance(Duration.ofDays(89));
        SuiteSubscription back = lifecycle.reactivate(contoso.adminCaller(), contoso.id(), paid.id());

        assertThat(back.state()).isEqualTo(State.ENABLED);
        assertThat(back.seatsEnabled()).isEqualTo(5);
        assertThat(back.stateEndsAt()).isNull();
        assertPlansWork(adele, true);
        clock.advance(Duration.ofDays(10));
        assertThat(lifecycle.advance()).isZero();
        assertRefused(
                () -> lifecycle.reactivate(contoso.adminCaller(), contoso.id(), paid.id()),
                SubscriptionError.SUBSCRIPTION_ALREADY_ENABLED,
                "enabled already");
    }

    @Test
    @DisplayName("issue 9: a cancelled trial that has not ended is reactivated as the trial it was")
    void aCancelledRunningTrialIsReactivated() {
        SuiteSubscription trial = buy(true);
        lifecycle.cancel(contoso.adminCaller(), contoso.id(), trial.id());

        SuiteSubscription back = lifecycle.reactivate(contoso.adminCaller(), contoso.id(), trial.id());

        assertThat(back.state()).isEqualTo(State.ENABLED);
        assertThat(back.stateEndsAt()).isEqualTo(trial.trialEndsAt());
    }

    @Test
    @DisplayName("issue 9: a deleted subscription changes no more")
    void aDeletedSubscriptionChangesNoMore() {
        SuiteSubscription paid = buy(false);
        lifecycle.cancel(contoso.adminCaller(), contoso.id(), paid.id());
        clock.advance(SuiteLifecycle.DISABLED);
        lifecycle.advance();

        for (Runnable change : List.<Runnable>of(
                () -> lifecycle.reactivate(contoso.adminCaller(), contoso.id(), paid.id()),
                () -> lifecycle.cancel(contoso.adminCaller(), contoso.id(), paid.id()),
                () -> lifecycle.changeSeats(contoso.adminCaller(), contoso.id(), paid.id(), 1),
                () -> lifecycle.convertToPaid(contoso.adminCaller(), contoso.id(), paid.id(), null))) {
            assertRefused(change, SubscriptionError.SUBSCRIPTION_DELETED, "was deleted");
        }
        assertThat(SubscriptionError.SUBSCRIPTION_DELETED.kind()).isEqualTo(ErrorCode.Kind.CONFLICT);
    }

    @Test
    @DisplayName("issue 9 (R5): only a Global or Billing Administrator cancels, reactivates or buys a trial")
    void onlyBillingRolesManageTheLife() {
        SuiteSubscription trial = buy(true);
        Caller.User userAdmin = contoso.member("uadmin", USER_ADMINISTRATOR);

        assertThatThrownBy(() -> lifecycle.cancel(userAdmin, contoso.id(), trial.id()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> lifecycle.convertToPaid(
                        userAdmin,
                        contoso.id(),
                        trial.id(),
                        TestBillingDetails.valid().build()))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(current(trial)).isEqualTo(trial);
    }
}
