package dev.tenantry.directory;

import dev.tenantry.shared.ConflictException;
import java.time.Clock;

/**
 * Adds a user to a directory, checking its name and password policy first: the one way users come into being, for
 * the first administrator of a new directory and for every user created after.
 */
public final class NewUsers {

    private final UserRepository users;
    private final PasswordHasher passwords;
    private final UserFactory factory;

    public NewUsers(UserRepository users, PasswordHasher passwords, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.factory = new UserFactory(clock);
    }

    /** Inserts {@code newUser} into {@code tenant}; runs in the caller's transaction. */
    public User insert(Tenant tenant, NewUser newUser, String defaultUsageLocation) {
        User user = factory.create(tenant, newUser, defaultUsageLocation);
        PasswordPolicy.check(newUser.password(), user.userPrincipalName());
        if (users.findByUpn(user.userPrincipalName()).isPresent()) {
            throw upnTaken(user.userPrincipalName());
        }
        users.insert(user, passwords.hash(newUser.password()));
        return user;
    }

    /** {@code user} with {@code patch} applied and checked, not yet stored. */
    public User patched(User user, UserPatch patch) {
        return factory.patched(user, patch);
    }

    static ConflictException upnTaken(String upn) {
        return new ConflictException(
                DirectoryError.UPN_TAKEN,
                "The user name '" + upn + "' is already taken; choose another.",
                "userPrincipalName");
    }
}
