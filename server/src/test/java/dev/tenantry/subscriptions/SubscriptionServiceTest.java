package dev.tenantry.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantry.shared.Caller;
import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.shared.Page;
import dev.tenantry.shared.PageRequest;
import dev.tenantry.testing.TestDirectories;
import dev.tenantry.testing.TestDirectory;
import dev.tenantry.testing.TestWorld;
import org.junit.jupiter.api.Test;

class SubscriptionServiceTest {

    private final TestWorld world = TestWorld.create();
    private final TestDirectory contoso = TestDirectories.contoso().create(world);
    private final Caller.User admin = contoso.adminCaller();

    @Test
    void visibleCloudSubscriptionsArePagedByIdWithoutGapsOrRepeats() {
        for (int i = 0; i < 3; i++) {
            world.subscriptions().createCloudSubscription(admin, "MS-AZR-0044P", "Sub " + i, null);
        }

        Page<CloudSubscription> first = world.subscriptions().visibleCloudSubscriptions(admin, PageRequest.first(2));
        Page<CloudSubscription> rest =
                world.subscriptions().visibleCloudSubscriptions(admin, new PageRequest(first.nextAfter(), 2));

        assertThat(first.items()).hasSize(2);
        assertThat(rest.items()).hasSize(1).doesNotContainAnyElementsOf(first.items());
        assertThat(rest.nextAfter()).isNull();
    }

    @Test
    void malformedPagePositionIsAnInvalidRequest() {
        PageRequest page = new PageRequest("not-a-guid", 10);

        assertThatThrownBy(() -> world.subscriptions().visibleCloudSubscriptions(admin, page))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class, e -> assertThat(e.code()).isEqualTo("invalid_id"));
    }

    @Test
    void unknownOfferIsAnInvalidRequestListingTheOffers() {
        assertThatThrownBy(() -> world.subscriptions().createCloudSubscription(admin, "MS-AZR-9999P", "X", null))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class, e -> assertThat(e.code()).isEqualTo("unknown_offer"))
                .hasMessageContaining("MS-AZR-0044P");
    }

    @Test
    void seatsBeyondTheTrialMaximumAreRefusedAndNothingIsCreated() {
        assertThatThrownBy(() -> world.subscriptions().buySuiteSubscription(admin, "ENTERPRISEPACK", 26, true))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class, e -> assertThat(e.code()).isEqualTo("invalid_seats"));
        assertThat(world.suites().all()).isEmpty();
    }
}
