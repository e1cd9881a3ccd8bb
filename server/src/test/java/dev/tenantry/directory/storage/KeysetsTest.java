package dev.tenantry.directory.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class KeysetsTest {

    @Test
    @DisplayName("issue 13: a prefix range ends at the prefix with its last code point raised by one")
    void prefixEndRaisesTheLastCodePoint() {
        assertThat(Keysets.prefixEnd("bench user 0042")).isEqualTo("bench user 0043");
        assertThat(Keysets.prefixEnd("z")).isEqualTo("{");
        assertThat(Keysets.prefixEnd("a\u00e9")).isEqualTo("a\u00ea");
        assertThat(Keysets.prefixEnd("a\uD7FF")).isEqualTo("a\uE000"); // past the surrogates
        assertThat(Keysets.prefixEnd("a\uD83D\uDE00")).isEqualTo("a\uD83D\uDE01");
        String max = new String(Character.toChars(Character.MAX_CODE_POINT));
        assertThat(Keysets.prefixEnd("a" + max)).isEqualTo("b");
        assertThat(Keysets.prefixEnd(max)).isNull();
        assertThat(Keysets.prefixEnd("")).isNull();
    }
}
