package dev.tenantry.testing;

import dev.tenantry.directory.ExternalUserState;
import dev.tenantry.directory.Guest;
import dev.tenantry.directory.GuestError;
import dev.tenantry.directory.GuestRepository;
import dev.tenantry.directory.User;
import dev.tenantry.directory.UserType;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.ConflictException;
import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.UserId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Guest links in a map, behaving as {@code JdbiGuestRepository}: a link whose guest user object is gone is gone too
 * (the SQL cascade), an address or home account is invited once per directory.
 */
public final class InMemoryGuestRepository implements GuestRepository, Restorable {

    private final InMemoryUserRepository users;
    private final Map<UserId, Guest> guests = new HashMap<>();
    private final Map<TenantId, Boolean> membersCanInvite = new HashMap<>();

    public InMemoryGuestRepository(InMemoryUserRepository users) {
        this.users = users;
    }

    @Override
    public void insert(Guest guest) {
        if (clashes(guest) || guests.containsKey(guest.userId())) {
            throw conflict(guest);
        }
        guests.put(guest.userId(), guest);
    }

    @Override
    public void update(Guest guest) {
        if (clashes(guest)) {
            throw conflict(guest);
        }
        guests.computeIfPresent(guest.userId(), (id, old) -> old.tenantId().equals(guest.tenantId()) ? guest : old);
    }

    private boolean clashes(Guest guest) {
        return live().anyMatch(other -> other.tenantId().equals(guest.tenantId())
                && !other.userId().equals(guest.userId())
                && (other.invitedEmailKey().equals(guest.invitedEmailKey())
                        || (guest.home() != null && guest.home().equals(other.home()))));
    }

    private static ConflictException conflict(Guest guest) {
        return new ConflictException(
                GuestError.ALREADY_INVITED,
                "'" + guest.invitedEmail() + "' has already been invited into this directory.",
                "invitedUserEmailAddress");
    }

    @Override
    public Optional<Guest> find(TenantId tenantId, UserId userId) {
        return live().filter(g -> g.tenantId().equals(tenantId) && g.userId().equals(userId))
                .findFirst();
    }

    @Override
    public Optional<Guest> findByEmail(TenantId tenantId, String emailKey) {
        return live().filter(g ->
                        g.tenantId().equals(tenantId) && g.invitedEmailKey().equals(emailKey))
                .findFirst();
    }

    @Override
    public Optional<Guest> findByHome(TenantId tenantId, Caller.Account home) {
        return live().filter(g -> g.tenantId().equals(tenantId) && home.equals(g.home()))
                .findFirst();
    }

    @Override
    public List<Guest> acceptedOf(Caller.Account home) {
        return live().filter(g -> home.equals(g.home()) && g.state() == ExternalUserState.ACCEPTED)
                .sorted(Comparator.comparing(Guest::createdAt)
                        .thenComparing(g -> g.userId().value(), Uuids.SQL_ORDER))
                .toList();
    }

    @Override
    public List<UserId> guestObjectsOf(UserId homeUserId) {
        return live().filter(g -> g.home() != null && g.home().userId().equals(homeUserId))
                .map(Guest::userId)
                .sorted(Comparator.comparing(UserId::value, Uuids.SQL_ORDER))
                .toList();
    }

    @Override
    public List<Guest> list(TenantId tenantId) {
        return live().filter(g -> g.tenantId().equals(tenantId))
                .sorted(Comparator.comparing(Guest::invitedEmailKey)
                        .thenComparing(g -> g.userId().value(), Uuids.SQL_ORDER))
                .toList();
    }

    @Override
    public Optional<Caller.Account> findMemberAccount(String emailKey) {
        List<User> members = users.all().stream()
                .filter(u -> u.userType() == UserType.MEMBER)
                .toList();
        return members.stream()
                .filter(u -> User.upnKey(u.userPrincipalName()).equals(emailKey))
                .findFirst()
                .or(() -> members.stream()
                        .filter(u ->
                                u.mail() != null && Guest.emailKey(u.mail()).equals(emailKey))
                        .min(Comparator.comparing(u -> u.id().value(), Uuids.SQL_ORDER)))
                .map(u -> new Caller.Account(u.tenantId(), u.id()));
    }

    @Override
    public boolean membersCanInvite(TenantId tenantId) {
        return membersCanInvite.getOrDefault(tenantId, true);
    }

    @Override
    public void setMembersCanInvite(TenantId tenantId, boolean allowed) {
        membersCanInvite.put(tenantId, allowed);
    }

    /** The links whose guest user object still exists. */
    private Stream<Guest> live() {
        return guests.values().stream()
                .filter(g -> users.findById(g.tenantId(), g.userId()).isPresent());
    }

    @Override
    public Runnable snapshot() {
        return Restorable.all(Restorable.copyOf(guests), Restorable.copyOf(membersCanInvite));
    }
}
