package dev.tenantry.directory.guests;

import static dev.tenantry.directory.DirectoryRoleTemplate.GUEST_INVITER;
import static dev.tenantry.directory.DirectoryRoleTemplate.USER_ADMINISTRATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantry.directory.ExternalUserState;
import dev.tenantry.directory.Guest;
import dev.tenantry.directory.User;
import dev.tenantry.directory.UserType;
import dev.tenantry.shared.AccessDeniedException;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.ConflictException;
import dev.tenantry.shared.DomainException;
import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.shared.NotFoundException;
import dev.tenantry.shared.PageRequest;
import dev.tenantry.shared.RuleViolationException;
import dev.tenantry.shared.UserId;
import dev.tenantry.testing.TestDirectories;
import dev.tenantry.testing.TestDirectory;
import dev.tenantry.testing.TestWorld;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 10: inviting guests, redeeming invitations and what a guest may do (R2, R14). */
class GuestRulesTest {

    private static final String REDIRECT = "https://myapp.example.com/welcome";

    private final TestWorld world = TestWorld.create();
    private final TestDirectory contoso = TestDirectories.contoso().create(world);
    private final TestDirectory fabrikam = TestDirectories.fabrikam().create(world);
    private final User alice = contoso.addUser("alice");
    private final GuestService guests = world.guestService();

    private Invitation inviteAlice(Caller inviter) {
        return guests.invite(
                inviter, fabrikam.id(), new NewInvitation(alice.userPrincipalName(), null, REDIRECT, null));
    }

    private static Caller.Account account(User user) {
        return new Caller.Account(user.tenantId(), user.id());
    }

    @Test
    @DisplayName("R2: a guest is a separate user object of the inviting directory that points back to the home user")
    void r2InvitingMakesAGuestObjectPointingHome() {
        Invitation invitation = inviteAlice(fabrikam.adminCaller());

        User guest = invitation.user();
        assertThat(guest.tenantId()).isEqualTo(fabrikam.id());
        assertThat(guest.id()).isNotEqualTo(alice.id());
        assertThat(guest.userType()).isEqualTo(UserType.GUEST);
        assertThat(guest.userPrincipalName())
                .isEqualTo("alice_contoso.onmicrosoft.test#EXT#@fabrikam.onmicrosoft.test");
        assertThat(guest.mail()).isEqualTo(alice.userPrincipalName());
        assertThat(guest.displayName()).isEqualTo(alice.displayName());
        assertThat(invitation.guest().home()).isEqualTo(account(alice));
        assertThat(invitation.guest().state()).isEqualTo(ExternalUserState.PENDING_ACCEPTANCE);
        assertThat(invitation.status()).isEqualTo("PendingAcceptance");
        assertThat(world.users().passwordHash(guest.id())).isEmpty();
        assertThat(invitation.guest().redeemTokenHash()).isNotEqualTo(invitation.ticket());
        assertThat(world.audits().all()).anyMatch(e -> e.activity().equals("Invite external user"));
    }

    @Test
    @DisplayName("R2: until the invitation is redeemed the home account acts only at home")
    void r2PendingGuestIsNoMembership() {
        Invitation invitation = inviteAlice(fabrikam.adminCaller());

        assertThat(world.services().memberships().directoriesOf(account(alice))).containsExactly(contoso.id());
        assertThat(world.services().memberships().userIn(fabrikam.id(), account(alice)))
                .isEmpty();

        guests.redeem(account(alice), fabrikam.id(), invitation.user().id(), invitation.ticket());

        assertThat(world.services().memberships().directoriesOf(account(alice)))
                .containsExactly(contoso.id(), fabrikam.id());
        assertThat(world.services().memberships().userIn(fabrikam.id(), account(alice)))
                .contains(invitation.user().id());
        assertThat(world.services().memberships().userIn(contoso.id(), account(alice)))
                .contains(alice.id());
    }

    @Test
    @DisplayName("R2: redeeming accepts the guest, spends the ticket and answers the redirect URL")
    void r2RedeemAccepts() {
        Invitation invitation = inviteAlice(fabrikam.adminCaller());

        String next =
                guests.redeem(account(alice), fabrikam.id(), invitation.user().id(), invitation.ticket());

        assertThat(next).isEqualTo(REDIRECT);
        Guest stored =
                world.guests().find(fabrikam.id(), invitation.user().id()).orElseThrow();
        assertThat(stored.state()).isEqualTo(ExternalUserState.ACCEPTED);
        assertThat(stored.stateChangedAt()).isEqualTo(TestWorld.NOW);
        assertThat(stored.redeemTokenHash()).isNull();
        assertThat(world.audits().all()).anyMatch(e -> e.activity().equals("Redeem external user invite"));
    }

    @Test
    @DisplayName("R2: a reused ticket is refused")
    void r2ReusedTicketIsRefused() {
        Invitation invitation = inviteAlice(fabrikam.adminCaller());
        guests.redeem(account(alice), fabrikam.id(), invitation.user().id(), invitation.ticket());

        assertThatThrownBy(() -> guests.redeem(
                        account(alice), fabrikam.id(), invitation.user().id(), invitation.ticket()))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("already been accepted");
    }

    @Test
    @DisplayName("R2: a wrong or replaced ticket is refused and accepts nothing")
    void r2WrongTicketIsRefused() {
        Invitation first = inviteAlice(fabrikam.adminCaller());
        Invitation resent = guests.resend(
                fabrikam.adminCaller(), fabrikam.id(), first.user().id());

        assertThatThrownBy(() -> guests.redeem(
                        account(alice), fabrikam.id(), first.user().id(), first.ticket()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> guests.redeem(
                        account(alice), fabrikam.id(), first.user().id(), "guess"))
                .isInstanceOf(NotFoundException.class);
        assertThat(world.guests()
                        .find(fabrikam.id(), first.user().id())
                        .orElseThrow()
                        .accepted())
                .isFalse();
        assertThat(resent.ticket()).isNotEqualTo(first.ticket());
        guests.redeem(account(alice), fabrikam.id(), first.user().id(), resent.ticket());
    }

    @Test
    @DisplayName("R2, R14: redeeming with another account than the one invited is refused")
    void r2RedeemingWithTheWrongAccountIsRefused() {
        Invitation invitation = inviteAlice(fabrikam.adminCaller());
        User bob = contoso.addUser("bob");

        assertThatThrownBy(() -> guests.redeem(
                        account(bob), fabrikam.id(), invitation.user().id(), invitation.ticket()))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining(alice.userPrincipalName());
        assertThatThrownBy(() -> guests.redeem(
                        account(fabrikam.admin()),
                        fabrikam.id(),
                        invitation.user().id(),
                        invitation.ticket()))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(world.services().memberships().directoriesOf(account(bob))).containsExactly(contoso.id());
    }

    @Test
    @DisplayName("R2: an unknown address is redeemed by the account that later has it as its user name")
    void r2UnknownAddressIsRedeemedByMatchingAccount() {
        Invitation invitation = guests.invite(
                fabrikam.adminCaller(),
                fabrikam.id(),
                new NewInvitation("dave@contoso.onmicrosoft.test", "Dave", REDIRECT, "Guest"));
        assertThat(invitation.guest().homeAccount()).isEmpty();
        User dave = contoso.addUser("dave");

        guests.redeem(account(dave), fabrikam.id(), invitation.user().id(), invitation.ticket());

        assertThat(world.services().memberships().userIn(fabrikam.id(), account(dave)))
                .contains(invitation.user().id());
    }

    @Test
    @DisplayName("issue 10: inviting the same address twice answers the same guest with a new ticket")
    void invitingTwiceAnswersTheSameGuest() {
        Invitation first = inviteAlice(fabrikam.adminCaller());

        Invitation second = guests.invite(
                fabrikam.adminCaller(),
                fabrikam.id(),
                new NewInvitation(alice.userPrincipalName().toUpperCase(java.util.Locale.ROOT), null, REDIRECT, null));

        assertThat(second.user().id()).isEqualTo(first.user().id());
        assertThat(second.ticket()).isNotEqualTo(first.ticket());
    }

    @Test
    @DisplayName("issue 10: a member invites when the directory allows it; not once it is turned off")
    void membersInviteOnlyWhenAllowed() {
        Caller.User member = fabrikam.member("member");
        inviteAlice(member);

        guests.setMembersCanInvite(fabrikam.adminCaller(), fabrikam.id(), false);

        assertThatThrownBy(() -> guests.invite(
                        member, fabrikam.id(), new NewInvitation("erin@example.com", null, REDIRECT, null)))
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.requiredRoles())
                        .containsExactlyInAnyOrder("Global Administrator", "User Administrator", "Guest Inviter"));
        guests.invite(
                fabrikam.member("inviter", GUEST_INVITER),
                fabrikam.id(),
                new NewInvitation("erin@example.com", null, REDIRECT, null));
        guests.invite(
                fabrikam.member("uadmin", USER_ADMINISTRATOR),
                fabrikam.id(),
                new NewInvitation("frank@example.com", null, REDIRECT, null));
    }

    @Test
    @DisplayName("R14: a guest without a role cannot invite, and nobody invites into another directory")
    void r14GuestsAndOutsidersCannotInvite() {
        Caller.User aliceAsGuest = acceptedGuest();

        assertThatThrownBy(() -> guests.invite(
                        aliceAsGuest, fabrikam.id(), new NewInvitation("erin@example.com", null, REDIRECT, null)))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("as a guest");
        assertThatThrownBy(() -> guests.invite(
                        contoso.adminCaller(),
                        fabrikam.id(),
                        new NewInvitation("erin@example.com", null, REDIRECT, null)))
                .isInstanceOf(NotFoundException.class);
        assertThat(world.guests().list(fabrikam.id())).hasSize(1);
    }

    @Test
    @DisplayName("issue 10: an app needs User.Invite.All (or a user write permission) to invite")
    void appsNeedUserInviteAll() {
        NewInvitation invitation = new NewInvitation("erin@example.com", null, REDIRECT, null);

        assertThatThrownBy(() -> guests.invite(fabrikam.app("User.Read.All"), fabrikam.id(), invitation))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("User.Invite.All");
        guests.invite(fabrikam.app("User.Invite.All"), fabrikam.id(), invitation);
    }

    @Test
    @DisplayName("issue 10: a Graph token without an invite scope cannot invite")
    void delegatedScopeIsNeeded() {
        Caller.User admin = fabrikam.adminCaller();
        Caller.User readOnly = new Caller.User(admin.tenantId(), admin.userId(), Optional.of(Set.of("User.Read.All")));
        Caller.User inviter = new Caller.User(admin.tenantId(), admin.userId(), Optional.of(Set.of("User.Invite.All")));
        NewInvitation invitation = new NewInvitation("erin@example.com", null, REDIRECT, null);

        assertThatThrownBy(() -> guests.invite(readOnly, fabrikam.id(), invitation))
                .isInstanceOf(AccessDeniedException.class);
        guests.invite(inviter, fabrikam.id(), invitation);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not-an-address", "a@b", "two@@example.com", "space in@example.com"})
    @DisplayName("issue 10: a bad e-mail address is refused and nothing is created")
    void badEmailIsRefused(String email) {
        assertThatThrownBy(() -> guests.invite(
                        fabrikam.adminCaller(), fabrikam.id(), new NewInvitation(email, null, REDIRECT, null)))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field())
                        .contains("invitedUserEmailAddress"));
        assertThat(world.guests().list(fabrikam.id())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "javascript:alert(1)", "ftp://example.com/", "/relative", "https://user@evil.example/"})
    @DisplayName("issue 10: a redirect URL that is not an absolute http(s) URL is refused")
    void badRedirectIsRefused(String url) {
        assertThatThrownBy(() -> guests.invite(
                        fabrikam.adminCaller(), fabrikam.id(), new NewInvitation("erin@example.com", null, url, null)))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field())
                        .contains("inviteRedirectUrl"));
        assertThat(world.guests().list(fabrikam.id())).isEmpty();
    }

    @Test
    @DisplayName("issue 10: inviting a member type or one of the directory's own users is refused")
    void memberTypeAndOwnUsersAreRefused() {
        assertThatThrownBy(() -> guests.invite(
                        fabrikam.adminCaller(),
                        fabrikam.id(),
                        new NewInvitation("erin@example.com", null, REDIRECT, "Member")))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> guests.invite(
                        fabrikam.adminCaller(),
                        fabrikam.id(),
                        new NewInvitation(fabrikam.admin().userPrincipalName(), null, REDIRECT, null)))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    @DisplayName("R14: a guest without a role reads itself but cannot list the directory's users or groups")
    void r14GuestsAreRestricted() {
        Caller.User aliceAsGuest = acceptedGuest();

        User self = world.userService()
                .getUser(aliceAsGuest, fabrikam.id(), aliceAsGuest.userId().toString());
        assertThat(self.userType()).isEqualTo(UserType.GUEST);
        assertThatThrownBy(() -> world.userService()
                        .listUsers(aliceAsGuest, fabrikam.id(), List.of(), new PageRequest(null, 10)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> world.userService()
                        .getUser(
                                aliceAsGuest,
                                fabrikam.id(),
                                fabrikam.admin().id().toString()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() ->
                        world.userService().listUsers(aliceAsGuest, contoso.id(), List.of(), new PageRequest(null, 10)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    @DisplayName("R2: deleting the guest object removes access and leaves the home user untouched")
    void r2DeletingTheGuestLeavesTheHomeUser() {
        Caller.User aliceAsGuest = acceptedGuest();

        world.userService()
                .deleteUser(
                        fabrikam.adminCaller(),
                        fabrikam.id(),
                        aliceAsGuest.userId().toString());

        assertThat(world.services().memberships().directoriesOf(account(alice))).containsExactly(contoso.id());
        assertThat(world.users().findById(contoso.id(), alice.id())).isPresent();
        assertThat(guests.listGuests(fabrikam.adminCaller(), fabrikam.id())).isEmpty();
    }

    @Test
    @DisplayName("R2, R14: a web session switches into a directory only as its accepted guest object")
    void r2SessionSwitchesOnlyIntoGuestDirectories() {
        var sessions = world.services().sessions();
        var started = sessions.signIn(null, alice.userPrincipalName(), TestDirectories.PASSWORD);
        assertThatThrownBy(() -> sessions.switchDirectory(started.cookieValue(), account(alice), fabrikam.id()))
                .isInstanceOf(NotFoundException.class);
        Caller.User aliceAsGuest = acceptedGuest();

        var switched = sessions.switchDirectory(started.cookieValue(), account(alice), fabrikam.id());

        assertThat(switched.session().tenantId()).isEqualTo(fabrikam.id());
        assertThat(switched.session().userId()).isEqualTo(aliceAsGuest.userId());
        assertThat(sessions.find(started.cookieValue())).isEmpty();
        assertThat(world.services().guests().homeOf(fabrikam.id(), aliceAsGuest.userId()))
                .contains(account(alice));
    }

    @Test
    @DisplayName("R2: changing the home password ends the sessions acting as its guest objects")
    void r2HomePasswordChangeEndsGuestSessions() {
        acceptedGuest();
        var sessions = world.services().sessions();
        var started = sessions.signIn(null, alice.userPrincipalName(), TestDirectories.PASSWORD);
        var switched = sessions.switchDirectory(started.cookieValue(), account(alice), fabrikam.id());

        world.userService()
                .resetPassword(contoso.adminCaller(), contoso.id(), alice.id().toString(), "Another-Passw0rd!");

        assertThat(sessions.find(switched.cookieValue())).isEmpty();
    }

    @Test
    void resendingAnAcceptedInvitationIsRefused() {
        Caller.User aliceAsGuest = acceptedGuest();

        assertThatThrownBy(() -> guests.resend(fabrikam.adminCaller(), fabrikam.id(), aliceAsGuest.userId()))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("already accepted");
    }

    /** Alice invited into Fabrikam and redeemed: the caller she is there. */
    private Caller.User acceptedGuest() {
        Invitation invitation = inviteAlice(fabrikam.adminCaller());
        guests.redeem(account(alice), fabrikam.id(), invitation.user().id(), invitation.ticket());
        UserId guestId = invitation.user().id();
        return new Caller.User(fabrikam.id(), guestId, account(alice), Optional.empty());
    }
}
