package dev.tenantry.directory.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Argon2idFunctionTest {

    private static final Argon2idFunction NATIVE = NativeArgon2id.load();
    private static final Argon2idFunction JAVA = new BouncyCastleArgon2id();

    @Test
    void onThisLinuxMachineTheNativeLibraryIsChosen() {
        Argon2idFunction chosen = Argon2idFunction.choose();

        assertThat(chosen).isInstanceOf(NativeArgon2id.class);
        assertThat(chosen.description()).contains("libargon2");
    }

    @ParameterizedTest(name = "m={0} KiB, t={1}, p={2}, {3} bytes")
    @CsvSource({"64, 1, 1, 32", "256, 3, 2, 16", "1024, 2, 4, 64", "19456, 2, 1, 32"})
    void theNativeLibraryAndBouncyCastleGiveTheSameBytes(int memory, int passes, int lanes, int length) {
        byte[] password = "Correct-Horse-9 — ünïcødé".getBytes(StandardCharsets.UTF_8);
        byte[] salt = "sixteen byte slt".getBytes(StandardCharsets.UTF_8);

        byte[] fromNative = NATIVE.derive(password, salt, memory, passes, lanes, length);

        assertThat(fromNative).hasSize(length).isEqualTo(JAVA.derive(password, salt, memory, passes, lanes, length));
    }

    @Test
    void theReferenceImplementationsOwnArgon2idTestVector() {
        // phc-winner-argon2 test.c, Argon2id version 0x13: t=2, m=2^16 KiB, p=1, "password", "somesalt"
        byte[] hash = NATIVE.derive(
                "password".getBytes(StandardCharsets.UTF_8),
                "somesalt".getBytes(StandardCharsets.UTF_8),
                65536,
                2,
                1,
                32);

        assertThat(HexFormat.of().formatHex(hash))
                .isEqualTo("09316115d5cf24ed5a15a31a3ba326e5cf32edc24702987c02b6566f61913cf7");
    }
}
