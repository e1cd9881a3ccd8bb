package dev.tenantry.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantry.shared.Caller;
import dev.tenantry.shared.ConflictException;
import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.UserId;
import dev.tenantry.testing.ContractStores;
import dev.tenantry.testing.RepositoryContract;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What every {@link GuestRepository} does (issue 10, R2), run on the fake and on SQL. */
public abstract class GuestRepositoryContract extends RepositoryContract {

    protected GuestRepositoryContract(ContractStores stores) {
        super(stores);
    }

    private GuestRepository guests() {
        return stores.guests();
    }

    /** A stored guest user object of {@code tenant} for {@code email}, pending, and its link (not stored). */
    private Guest pendingGuest(Tenant tenant, String email, Caller.Account home) {
        UserId id = new UserId(UUID.randomUUID());
        User user = new User(
                id,
                tenant.id(),
                id + "#EXT#@" + tenant.initialDomain(),
                email,
                null,
                null,
                email,
                "guest",
                true,
                null,
                UserType.GUEST,
                null,
                NOW);
        stores.users().insert(user, null);
        return new Guest(
                id,
                tenant.id(),
                email,
                home,
                ExternalUserState.PENDING_ACCEPTANCE,
                NOW,
                "https://example.com/welcome",
                "hash",
                null,
                NOW);
    }

    private static Caller.Account account(User user) {
        return new Caller.Account(user.tenantId(), user.id());
    }

    @Test
    @DisplayName("R2: a stored guest link is found by its user, its address (ignoring case) and its home account")
    void r2StoredGuestIsFoundEveryWay() {
        User alice = user(contoso, "alice");
        Guest guest = pendingGuest(fabrikam, "Alice@Contoso.onmicrosoft.test", account(alice));

        guests().insert(guest);

        assertThat(guests().find(fabrikam.id(), guest.userId())).contains(guest);
        assertThat(guests().findByEmail(fabrikam.id(), "alice@contoso.onmicrosoft.test"))
                .contains(guest);
        assertThat(guests().findByHome(fabrikam.id(), account(alice))).contains(guest);
        assertThat(guests().find(contoso.id(), guest.userId())).isEmpty();
        assertThat(guests().list(fabrikam.id())).containsExactly(guest);
        assertThat(guests().list(contoso.id())).isEmpty();
    }

    @Test
    @DisplayName("R2: only accepted guest objects count among the directories of a home account")
    void r2AcceptedOfListsOnlyAccepted() {
        User alice = user(contoso, "alice");
        Tenant northwind = tenant("northwind");
        Guest pending = pendingGuest(fabrikam, "alice@contoso.onmicrosoft.test", account(alice));
        Guest accepted = pendingGuest(northwind, "alice@contoso.onmicrosoft.test", account(alice));
        guests().insert(pending);
        guests().insert(accepted);

        Guest redeemed = accepted.redeemedBy(account(alice), NOW.plusSeconds(60));
        guests().update(redeemed);

        assertThat(guests().acceptedOf(account(alice))).containsExactly(redeemed);
        assertThat(guests().guestObjectsOf(alice.id())).containsExactlyInAnyOrder(pending.userId(), accepted.userId());
        assertThat(guests().find(northwind.id(), accepted.userId())
                        .orElseThrow()
                        .redeemTokenHash())
                .isNull();
    }

    @Test
    void anAddressIsInvitedOncePerDirectory() {
        guests().insert(pendingGuest(fabrikam, "bob@example.com", null));
        Guest again = pendingGuest(fabrikam, "BOB@example.com", null);

        assertThatThrownBy(() -> guests().insert(again)).isInstanceOf(ConflictException.class);
    }

    @Test
    void deletingTheGuestUserDeletesTheLinkAndLeavesTheHomeUser() {
        User alice = user(contoso, "alice");
        Guest guest = pendingGuest(fabrikam, "alice@contoso.onmicrosoft.test", account(alice));
        guests().insert(guest);

        stores.users().delete(fabrikam.id(), guest.userId());

        assertThat(guests().find(fabrikam.id(), guest.userId())).isEmpty();
        assertThat(guests().findByHome(fabrikam.id(), account(alice))).isEmpty();
        assertThat(stores.users().findById(contoso.id(), alice.id())).isPresent();
    }

    @Test
    void memberAccountIsFoundByUpnOrMailButNeverAGuest() {
        User alice = user(contoso, "alice");
        guests().insert(pendingGuest(fabrikam, "carol@example.com", null));

        assertThat(guests().findMemberAccount("alice@contoso.onmicrosoft.test")).contains(account(alice));
        assertThat(guests().findMemberAccount("carol@example.com")).isEmpty();
        assertThat(guests().findMemberAccount("nobody@example.com")).isEmpty();
    }

    @Test
    void membersMayInviteUntilTurnedOff() {
        TenantId tenant = fabrikam.id();

        assertThat(guests().membersCanInvite(tenant)).isTrue();
        guests().setMembersCanInvite(tenant, false);
        assertThat(guests().membersCanInvite(tenant)).isFalse();
        guests().setMembersCanInvite(tenant, true);
        assertThat(guests().membersCanInvite(tenant)).isTrue();
    }
}
