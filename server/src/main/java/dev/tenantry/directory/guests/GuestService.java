package dev.tenantry.directory.guests;

import dev.tenantry.directory.Audit;
import dev.tenantry.directory.AuditEvent;
import dev.tenantry.directory.DirectoryAccess;
import dev.tenantry.directory.DirectoryError;
import dev.tenantry.directory.ExternalUserState;
import dev.tenantry.directory.Guest;
import dev.tenantry.directory.GuestAccounts;
import dev.tenantry.directory.GuestError;
import dev.tenantry.directory.GuestMemberships;
import dev.tenantry.directory.GuestRepository;
import dev.tenantry.directory.Tenant;
import dev.tenantry.directory.TenantRepository;
import dev.tenantry.directory.User;
import dev.tenantry.directory.UserRepository;
import dev.tenantry.directory.UserType;
import dev.tenantry.shared.AccessDeniedException;
import dev.tenantry.shared.AuthenticationException;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.Column;
import dev.tenantry.shared.ConflictException;
import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.shared.NewIds;
import dev.tenantry.shared.NotFoundException;
import dev.tenantry.shared.RuleViolationException;
import dev.tenantry.shared.Secrets;
import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.Transactions;
import dev.tenantry.shared.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * B2B guests (issue 10, R2, R14): inviting an address into a directory makes a guest user object there, with no
 * password, that stands for the home account of the person invited; redeeming the invitation with that home account
 * accepts it, after which the person acts in the inviting directory as the guest object, and nowhere else.
 *
 * @see <a href="https://learn.microsoft.com/graph/api/invitation-post">Graph: create invitation</a>
 */
public final class GuestService implements GuestAccounts {

    private static final int TICKET_BYTES = 32;

    private final TenantRepository tenants;
    private final UserRepository users;
    private final GuestRepository guests;
    private final DirectoryAccess access;
    private final Audit audit;
    private final Transactions transactions;
    private final Clock clock;
    private final GuestMemberships memberships;

    public GuestService(
            TenantRepository tenants,
            UserRepository users,
            GuestRepository guests,
            DirectoryAccess access,
            Audit audit,
            Transactions transactions,
            Clock clock) {
        this.tenants = tenants;
        this.users = users;
        this.guests = guests;
        this.access = access;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
        this.memberships = new GuestMemberships(users, guests);
    }

    /**
     * Invites {@code invitation.invitedEmail()} into {@code tenantId}. An address the directory invited before (or
     * whose account it made a guest) answers that guest, re-invited with a new ticket while it is pending, as Graph
     * re-invites; an address of one of the directory's own users is refused.
     */
    public Invitation invite(Caller caller, TenantId tenantId, NewInvitation invitation) {
        return transactions.inTransaction(() -> {
            access.requireInviteGuests(caller, tenantId, guests.membersCanInvite(tenantId));
            String email = InvitationRules.email(invitation.invitedEmail());
            String redirectUrl = InvitationRules.redirectUrl(invitation.redirectUrl());
            InvitationRules.userType(invitation.userType());
            String displayName = InvitationRules.displayName(invitation.displayName());
            Optional<Caller.Account> home = guests.findMemberAccount(Guest.emailKey(email));
            if (home.isPresent() && home.get().tenantId().equals(tenantId)) {
                throw new ConflictException(
                        GuestError.ALREADY_A_MEMBER,
                        "'" + email + "' is the address of a user of this directory; only people of other "
                                + "directories or outside addresses can be invited as guests.",
                        "invitedUserEmailAddress");
            }
            Optional<Guest> existing = guests.findByEmail(tenantId, Guest.emailKey(email))
                    .or(() -> home.flatMap(account -> guests.findByHome(tenantId, account)));
            if (existing.isPresent()) {
                return reinvite(caller, existing.get(), redirectUrl);
            }
            Tenant tenant = tenant(tenantId);
            User user = guestUser(tenant, email, displayName, home);
            users.insert(user, null);
            String ticket = Secrets.random(TICKET_BYTES);
            Instant now = clock.instant();
            Guest guest = new Guest(
                    user.id(),
                    tenantId,
                    email,
                    home.orElse(null),
                    ExternalUserState.PENDING_ACCEPTANCE,
                    now,
                    redirectUrl,
                    Secrets.sha256Hex(ticket),
                    initiator(caller),
                    now);
            guests.insert(guest);
            audit.record(
                    caller,
                    tenantId,
                    Audit.USER_MANAGEMENT,
                    "Invite external user",
                    "Add",
                    List.of(Audit.userTarget(user.id(), user.userPrincipalName())));
            return new Invitation(UUID.randomUUID(), user, guest, ticket);
        });
    }

    /** Sends a pending guest's invitation again: a new redeem ticket, the old one no longer works. */
    public Invitation resend(Caller caller, TenantId tenantId, UserId guestId) {
        return transactions.inTransaction(() -> {
            access.requireInviteGuests(caller, tenantId, guests.membersCanInvite(tenantId));
            Guest guest = guest(tenantId, guestId);
            if (guest.accepted()) {
                throw new RuleViolationException(
                        GuestError.ALREADY_REDEEMED, "This guest has already accepted the invitation.");
            }
            return reinvite(caller, guest, guest.redirectUrl());
        });
    }

    private Invitation reinvite(Caller caller, Guest guest, String redirectUrl) {
        User user = users.findById(guest.tenantId(), guest.userId()).orElseThrow();
        if (guest.accepted()) {
            return new Invitation(UUID.randomUUID(), user, guest, null);
        }
        String ticket = Secrets.random(TICKET_BYTES);
        Guest updated = guest.reinvited(Secrets.sha256Hex(ticket), redirectUrl);
        guests.update(updated);
        audit.record(
                caller,
                guest.tenantId(),
                Audit.USER_MANAGEMENT,
                "Invite external user",
                "Update",
                List.of(Audit.userTarget(user.id(), user.userPrincipalName())));
        return new Invitation(UUID.randomUUID(), user, updated, ticket);
    }

    /** The directory's guests with their state, for the consoles; reading them is reading users. */
    public List<GuestView> listGuests(Caller caller, TenantId tenantId) {
        access.requireReadUsers(caller, tenantId);
        return guests.list(tenantId).stream()
                .flatMap(guest ->
                        users.findById(tenantId, guest.userId()).stream().map(user -> new GuestView(user, guest)))
                .toList();
    }

    /**
     * Every directory the caller can act in (issue 10): a user's home directory, then each directory whose accepted
     * guest it is; an app's own directory; none for the server itself.
     */
    public List<Tenant> directoriesOf(Caller caller) {
        List<TenantId> ids =
                switch (caller) {
                    case Caller.User user -> memberships.directoriesOf(user.home());
                    case Caller.App app -> List.of(app.tenantId());
                    case Caller.Operator ignored -> List.of();
                };
        return ids.stream().flatMap(id -> tenants.findById(id).stream()).toList();
    }

    /**
     * The home account the user object {@code userId} of {@code tenantId} acts for: itself for a member, the home of
     * an accepted guest; empty for a guest that may not act (pending, or its home gone).
     */
    public Optional<Caller.Account> homeOf(TenantId tenantId, UserId userId) {
        return memberships.homeOf(tenantId, userId);
    }

    /** The guest link of a user the caller may read, empty for a member: Graph shows it on the user. */
    public Optional<Guest> guestOf(Caller caller, TenantId tenantId, User user) {
        access.requireSameTenant(caller, tenantId);
        return user.userType() == UserType.GUEST ? guests.find(tenantId, user.id()) : Optional.empty();
    }

    /** A guest of the directory with its user object, for a console's actions on it; a member is not found. */
    public GuestView getGuest(Caller caller, TenantId tenantId, UserId guestId) {
        access.requireReadUsers(caller, tenantId);
        Guest guest = guest(tenantId, guestId);
        return new GuestView(users.findById(tenantId, guestId).orElseThrow(), guest);
    }

    /** Whether members of the directory may invite guests (Entra's default: yes), for a reader of the directory. */
    public boolean membersCanInvite(Caller caller, TenantId tenantId) {
        access.requireReadOrganization(caller, tenantId);
        return guests.membersCanInvite(tenantId);
    }

    /** Turns the "members can invite guests" setting of the directory on or off: a Global Administrator only. */
    public void setMembersCanInvite(Caller caller, TenantId tenantId, boolean allowed) {
        transactions.run(() -> {
            access.requireGlobalAdministrator(caller, tenantId, "change who may invite guests");
            guests.setMembersCanInvite(tenantId, allowed);
            audit.record(
                    caller,
                    tenantId,
                    Audit.DIRECTORY_MANAGEMENT,
                    "Update external collaboration settings",
                    "Update",
                    List.of(new AuditEvent.Target(
                            tenantId.value(), "Directory", "Members can invite guests", allowed ? "Yes" : "No")));
        });
    }

    /**
     * What the redeem page offers for the ticket, before anyone signs in; a wrong, spent or unknown ticket is not
     * found. Compared in constant time.
     */
    public RedeemOffer offer(TenantId tenantId, UserId guestId, String ticket) {
        Guest guest = validTicket(tenantId, guestId, ticket);
        return new RedeemOffer(tenant(tenantId), guest);
    }

    /**
     * Redeems the invitation with the signed-in home {@code account}: it must be the account invited (or, for an
     * address no account had when invited, one whose user principal name or mail is that address). The ticket is
     * spent, the guest becomes {@code Accepted}; answers where to send the person next.
     */
    public String redeem(Caller.Account account, TenantId tenantId, UserId guestId, String ticket) {
        return transactions.inTransaction(() -> {
            Guest guest = validTicket(tenantId, guestId, ticket);
            requireInvitedAccount(account, guest);
            Optional<Guest> other =
                    guests.findByHome(tenantId, account).filter(g -> !g.userId().equals(guest.userId()));
            if (other.isPresent()) {
                throw new RuleViolationException(
                        GuestError.ALREADY_REDEEMED,
                        "Your account is already a guest of this directory through another invitation.");
            }
            Guest redeemed = guest.redeemedBy(account, clock.instant());
            guests.update(redeemed);
            User user = users.findById(tenantId, guestId).orElseThrow();
            audit.record(
                    new Caller.User(tenantId, guestId, account, Optional.empty()),
                    tenantId,
                    Audit.USER_MANAGEMENT,
                    "Redeem external user invite",
                    "Update",
                    List.of(Audit.userTarget(user.id(), user.userPrincipalName())));
            return redeemed.redirectUrl();
        });
    }

    @Override
    public Optional<User> guestSignIn(TenantId tenantId, User home) {
        Optional<Guest> guest = guests.findByHome(tenantId, new Caller.Account(home.tenantId(), home.id()));
        if (guest.isEmpty()) {
            return Optional.empty();
        }
        if (!guest.get().accepted()) {
            throw new AuthenticationException(
                    GuestError.GUEST_NOT_ACCEPTED,
                    "User account '" + home.userPrincipalName() + "' has not accepted the invitation to directory '"
                            + tenantId + "' yet and cannot sign in there. Open the invitation link and accept it "
                            + "first.");
        }
        return users.findById(tenantId, guest.get().userId()).filter(User::accountEnabled);
    }

    @Override
    public Optional<User> homeUserOf(User guest) {
        if (guest.userType() != UserType.GUEST) {
            return Optional.empty();
        }
        return guests.find(guest.tenantId(), guest.id())
                .filter(Guest::accepted)
                .flatMap(Guest::homeAccount)
                .flatMap(home -> users.findById(home.tenantId(), home.userId()))
                .filter(User::accountEnabled);
    }

    private void requireInvitedAccount(Caller.Account account, Guest guest) {
        if (account.tenantId().equals(guest.tenantId())) {
            throw wrongAccount(guest);
        }
        if (guest.homeAccount().isPresent()) {
            if (!guest.homeAccount().get().equals(account)) {
                throw wrongAccount(guest);
            }
            return;
        }
        User home = users.findById(account.tenantId(), account.userId()).orElseThrow(() -> wrongAccount(guest));
        boolean matches = Guest.emailKey(home.userPrincipalName()).equals(guest.invitedEmailKey())
                || (home.mail() != null && Guest.emailKey(home.mail()).equals(guest.invitedEmailKey()));
        if (!matches || home.userType() != UserType.MEMBER) {
            throw wrongAccount(guest);
        }
    }

    private static RuntimeException wrongAccount(Guest guest) {
        return new AccessDeniedException(
                GuestError.WRONG_ACCOUNT,
                "This invitation was sent to " + guest.invitedEmail() + ". Sign out and sign in with that account "
                        + "to accept it.");
    }

    private Guest validTicket(TenantId tenantId, UserId guestId, String ticket) {
        Optional<Guest> guest = guests.find(tenantId, guestId);
        String hash = ticket == null || ticket.isBlank() ? null : Secrets.sha256Hex(ticket);
        String stored = guest.map(Guest::redeemTokenHash).orElse(null);
        if (guest.isPresent() && guest.get().accepted()) {
            throw new RuleViolationException(
                    GuestError.ALREADY_REDEEMED,
                    "This invitation has already been accepted; sign in to the directory with your own account.");
        }
        if (hash == null || stored == null || !Secrets.constantTimeEquals(hash, stored)) {
            throw new NotFoundException(
                    GuestError.INVALID_REDEEM_TICKET,
                    "This invitation link is not valid: it was replaced by a newer one, or the invitation was "
                            + "withdrawn. Ask the person who invited you to send it again.");
        }
        return guest.get();
    }

    private Guest guest(TenantId tenantId, UserId guestId) {
        return guests.find(tenantId, guestId)
                .orElseThrow(() -> new NotFoundException(
                        GuestError.INVITATION_NOT_FOUND, "User '" + guestId + "' is not a guest of this directory."));
    }

    private Tenant tenant(TenantId tenantId) {
        return tenants.findById(tenantId)
                .orElseThrow(() -> new NotFoundException(
                        DirectoryError.TENANT_NOT_FOUND, "Directory '" + tenantId + "' does not exist."));
    }

    /** Entra's guest object: UPN {@code alice_contoso.com#EXT#@<initial domain>}, the address as its mail. */
    private User guestUser(Tenant tenant, String email, String displayName, Optional<Caller.Account> home) {
        String external = email.replace('@', '_') + "#EXT#";
        String upn = external + "@" + tenant.initialDomain();
        if (!Column.USER_PRINCIPAL_NAME.fits(upn)) {
            throw new InvalidRequestException(
                    GuestError.INVALID_EMAIL_ADDRESS,
                    "'" + email + "' is too long to make a guest user name from.",
                    "invitedUserEmailAddress");
        }
        String name = displayName != null
                ? displayName
                : home.flatMap(account -> users.findById(account.tenantId(), account.userId()))
                        .map(User::displayName)
                        .orElse(email.substring(0, email.indexOf('@')));
        String nickname = external.length() <= Column.USER_MAIL_NICKNAME.limit()
                ? external
                : external.substring(0, Column.USER_MAIL_NICKNAME.limit());
        return new User(
                new UserId(NewIds.next(NewIds.Kind.USER)),
                tenant.id(),
                upn,
                Column.USER_DISPLAY_NAME.check(name, "invitedUserDisplayName"),
                null,
                null,
                email,
                nickname,
                true,
                null,
                UserType.GUEST,
                null,
                clock.instant());
    }

    private static UUID initiator(Caller caller) {
        return switch (caller) {
            case Caller.User user -> user.userId().value();
            case Caller.App app -> app.servicePrincipalId();
            case Caller.Operator ignored -> null;
        };
    }
}
