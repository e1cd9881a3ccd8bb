package dev.tenantry.directory;

import dev.tenantry.shared.Caller;
import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.UserId;
import java.util.List;
import java.util.Optional;

/**
 * Stores the guest links of guest user objects (R2) and each directory's guest settings. A link goes when its guest
 * user object is deleted; the home user is never touched by anything here.
 */
public interface GuestRepository {

    /**
     * Inserts the link of a guest user object already stored; an address or home account the directory already
     * invited is a {@code ConflictException}.
     */
    void insert(Guest guest);

    /** Replaces the stored link of {@code guest.userId()}: its home, state, redirect URL and ticket. */
    void update(Guest guest);

    /** The link of the guest user object {@code userId} of {@code tenantId}; empty for a member or another's user. */
    Optional<Guest> find(TenantId tenantId, UserId userId);

    /** The guest the directory invited at the address whose {@link Guest#emailKey} is {@code emailKey}. */
    Optional<Guest> findByEmail(TenantId tenantId, String emailKey);

    /** The guest of {@code tenantId} that stands for the home account {@code home}, whatever its state. */
    Optional<Guest> findByHome(TenantId tenantId, Caller.Account home);

    /** Every accepted guest object of the home account {@code home}, oldest first (then by user id). */
    List<Guest> acceptedOf(Caller.Account home);

    /** The guest user objects (any state, any directory) whose home user is {@code homeUserId}. */
    List<UserId> guestObjectsOf(UserId homeUserId);

    /** Every guest of {@code tenantId}, ordered by invited address. */
    List<Guest> list(TenantId tenantId);

    /**
     * The member account (in any directory) whose user principal name, or else whose mail, is {@code emailKey}
     * (compared ignoring case); the lowest user id wins when several have that mail.
     */
    Optional<Caller.Account> findMemberAccount(String emailKey);

    /** Whether members (without a role) may invite guests into {@code tenantId}; true unless it was turned off. */
    boolean membersCanInvite(TenantId tenantId);

    void setMembersCanInvite(TenantId tenantId, boolean allowed);
}
