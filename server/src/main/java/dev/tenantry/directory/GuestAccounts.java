package dev.tenantry.directory;

import dev.tenantry.shared.TenantId;
import java.util.Optional;

/**
 * How sign-in sees B2B guests (issue 10, R2): the home account signs in with its own password, and in a directory that
 * made it a guest it acts as that directory's guest object.
 */
public interface GuestAccounts {

    /**
     * The guest user object through which the home user {@code home} signs in to {@code tenantId}; empty when it is no
     * guest there; an {@code AuthenticationException} ({@link GuestError#GUEST_NOT_ACCEPTED}) while the invitation
     * is not redeemed.
     */
    Optional<User> guestSignIn(TenantId tenantId, User home);

    /** The home user a guest user object stands for, empty for a member or a guest that may not sign in. */
    Optional<User> homeUserOf(User guest);

    /** No guests at all: every account signs in at home only. */
    GuestAccounts NONE = new GuestAccounts() {
        @Override
        public Optional<User> guestSignIn(TenantId tenantId, User home) {
            return Optional.empty();
        }

        @Override
        public Optional<User> homeUserOf(User guest) {
            return Optional.empty();
        }
    };
}
