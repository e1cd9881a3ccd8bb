package dev.tenantry.directory;

import dev.tenantry.shared.Caller;
import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.UserId;
import java.util.List;
import java.util.Optional;

/**
 * Where one person's account may act (R2, R14): its home directory, as its own user object, and every directory that
 * made it a guest, as that directory's guest object. The seam between the directories a person belongs to and what
 * they may do there: moving a subscription (R11), the directory switcher and {@code GET /tenants} ask it.
 */
public interface DirectoryMemberships {

    /** The user object through which {@code account} acts in {@code tenantId}: itself at home, its guest elsewhere. */
    Optional<UserId> userIn(TenantId tenantId, Caller.Account account);

    /** Every directory {@code account} may act in, its home first. */
    List<TenantId> directoriesOf(Caller.Account account);

    /** An account acts only at home: the answer while a directory has no guests. */
    static DirectoryMemberships homeOnly() {
        return new DirectoryMemberships() {
            @Override
            public Optional<UserId> userIn(TenantId tenantId, Caller.Account account) {
                return account.tenantId().equals(tenantId) ? Optional.of(account.userId()) : Optional.empty();
            }

            @Override
            public List<TenantId> directoriesOf(Caller.Account account) {
                return List.of(account.tenantId());
            }
        };
    }
}
