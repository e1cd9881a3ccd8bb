package dev.tenantry.directory;

import dev.tenantry.shared.Caller;
import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where an account may act, guests included (R2, R14): at home as itself, in every other directory only through the
 * guest object that directory created for it, and only once the invitation was accepted.
 */
public final class GuestMemberships implements DirectoryMemberships {

    private final UserRepository users;
    private final GuestRepository guests;

    public GuestMemberships(UserRepository users, GuestRepository guests) {
        this.users = users;
        this.guests = guests;
    }

    @Override
    public Optional<UserId> userIn(TenantId tenantId, Caller.Account account) {
        if (account.tenantId().equals(tenantId)) {
            return users.findById(tenantId, account.userId()).map(User::id);
        }
        return guests.findByHome(tenantId, account).filter(Guest::accepted).map(Guest::userId);
    }

    @Override
    public List<TenantId> directoriesOf(Caller.Account account) {
        List<TenantId> directories = new ArrayList<>();
        directories.add(account.tenantId());
        guests.acceptedOf(account).stream()
                .map(Guest::tenantId)
                .filter(tenant -> !directories.contains(tenant))
                .forEach(directories::add);
        return List.copyOf(directories);
    }

    /** The home account of the user object {@code userId}: the guest's home for a guest, itself for a member. */
    public Optional<Caller.Account> homeOf(TenantId tenantId, UserId userId) {
        Optional<Guest> guest = guests.find(tenantId, userId);
        if (guest.isPresent()) {
            return guest.get().accepted() ? guest.get().homeAccount() : Optional.empty();
        }
        return Optional.of(new Caller.Account(tenantId, userId));
    }
}
