package dev.tenantry.testing;

import dev.tenantry.directory.PasswordHasher;

/** A fast password hasher for unit tests: the "hash" is the password behind a {@code plain:} prefix. */
public final class PlainPasswordHasher implements PasswordHasher {

    private static final String PREFIX = "plain:";

    private int burnedChecks;

    @Override
    public String hash(String password) {
        return PREFIX + password;
    }

    @Override
    public boolean matches(String password, String encodedHash) {
        return encodedHash != null && encodedHash.equals(PREFIX + password);
    }

    @Override
    public void burnOneCheck(String password) {
        burnedChecks++;
    }

    /** How many times a check was spent against nothing (an unknown user). */
    public int burnedChecks() {
        return burnedChecks;
    }
}
