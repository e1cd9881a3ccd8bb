package dev.tenantry.directory.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Argon2idPasswordHasherTest {

    private static final Argon2idPasswordHasher HASHER = new Argon2idPasswordHasher();
    private static final String HASH = HASHER.hash("Correct-Horse-9");

    private static String salt(String phc) {
        int end = phc.lastIndexOf('$');
        return phc.substring(phc.lastIndexOf('$', end - 1) + 1, end);
    }

    @Test
    void hashIsAPhcArgon2idStringWithOwaspCost() {
        assertThat(HASH).matches("^\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}$");
    }

    @Test
    void theRightPasswordMatches() {
        boolean matches = HASHER.matches("Correct-Horse-9", HASH);

        assertThat(matches).isTrue();
    }

    @Test
    void aWrongPasswordDoesNotMatch() {
        boolean matches = HASHER.matches("Correct-Horse-8", HASH);

        assertThat(matches).isFalse();
    }

    @Test
    void twoHashesOfOnePasswordHaveDifferentSalts() {
        String again = HASHER.hash("Correct-Horse-9");

        assertThat(again).isNotEqualTo(HASH);
        assertThat(salt(again)).isNotEqualTo(salt(HASH));
        assertThat(HASHER.matches("Correct-Horse-9", again)).isTrue();
    }

    @Test
    void aMalformedHashMatchesNothing() {
        boolean matches = HASHER.matches("Correct-Horse-9", "plain:Correct-Horse-9");

        assertThat(matches).isFalse();
    }
}
