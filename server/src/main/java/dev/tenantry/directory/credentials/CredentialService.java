package dev.tenantry.directory.credentials;

import dev.tenantry.directory.DirectoryError;
import dev.tenantry.directory.PasswordHasher;
import dev.tenantry.directory.User;
import dev.tenantry.directory.UserRepository;
import dev.tenantry.shared.AuthenticationException;
import dev.tenantry.shared.UserId;
import java.util.Optional;

/** Checks a user's name and password; counting failures and locking out are identity's concern above it. */
public final class CredentialService {

    private final UserRepository users;
    private final PasswordHasher passwords;

    public CredentialService(UserRepository users, PasswordHasher passwords) {
        this.users = users;
        this.passwords = passwords;
    }

    /**
     * Checks a user name and password. An unknown user and a wrong password fail alike and take the same time; a
     * disabled account fails only once the password is right.
     */
    public User authenticate(String userPrincipalName, String password) {
        Optional<User> user = userPrincipalName == null ? Optional.empty() : users.findByUpn(userPrincipalName);
        Optional<String> hash = user.flatMap(u -> users.passwordHash(u.id()));
        if (hash.isEmpty() || password == null) {
            passwords.burnOneCheck(password);
            throw badCredentials();
        }
        if (!passwords.matches(password, hash.get())) {
            throw badCredentials();
        }
        if (!user.get().accountEnabled()) {
            throw new AuthenticationException(
                    DirectoryError.ACCOUNT_DISABLED, "The account is disabled; ask an administrator.");
        }
        return user.get();
    }

    /** Refused at once when no password check can be taken now: see {@link PasswordHasher#requireCapacity()}. */
    public void requireCapacity() {
        passwords.requireCapacity();
    }

    /**
     * The user who signs in with this name in any directory, for counting failed sign-ins (issue 7.8); no caller,
     * because the answer never leaves the server.
     */
    public Optional<UserId> findSignInUser(String userPrincipalName) {
        return userPrincipalName == null
                ? Optional.empty()
                : users.findByUpn(userPrincipalName).map(User::id);
    }

    private static AuthenticationException badCredentials() {
        return new AuthenticationException(
                DirectoryError.INVALID_CREDENTIALS, "Your account or password is incorrect.");
    }
}
