package dev.tenantry.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTest {

    @TempDir
    Path temp;

    @Test
    @DisplayName("issue 7.4: a data directory open to others is made owner-only and each fix is reported")
    void fixesAndReportsWhatWasTooOpen() throws Exception {
        Path data = Files.createDirectory(temp.resolve("data"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path db = Files.writeString(data.resolve("tenantry.mv.db"), "x");
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-rw-rw-"));
        Path readOnly = Files.writeString(data.resolve("own.txt"), "x");
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r--------"));

        assertThat(DataDirectory.secure(data)).containsExactlyInAnyOrder("data rwxr-xr-x", "tenantry.mv.db rw-rw-rw-");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data)))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(db)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(readOnly)))
                .isEqualTo("r--------");
        assertThat(DataDirectory.secure(data)).isEmpty();
    }

    @Test
    @DisplayName("issue 7.4: a missing data directory is created 0700")
    void createsAMissingDirectoryOwnerOnly() {
        Path data = temp.resolve("new").resolve("data");

        assertThat(DataDirectory.secure(data)).isEmpty();

        assertThat(data).isDirectory();
    }
}
