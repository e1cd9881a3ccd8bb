package dev.tenantry.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data directory (database, TLS key, master key) kept owner-only: the directory and every directory in it {@code
 * 0700}, every file {@code 0600}, whatever the umask. Checked at every start; anything open to the group or others is
 * fixed and reported.
 */
public final class DataDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(DataDirectory.class);
    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER = DIRECTORY;
    private static final int SHOWN = 5;

    private DataDirectory() {}

    /**
     * Creates {@code directory} owner-only if it is missing, then makes it and everything in it owner-only; returns
     * what had to be fixed (as {@code path rwxr-xr-x}), empty when all was already private or the file system has no
     * POSIX permissions.
     */
    public static List<String> secure(Path directory) {
        try {
            createOwnerOnly(directory);
            if (!isPosix(directory)) {
                LOG.debug("{} has no POSIX permissions; not checked", directory);
                return List.of();
            }
            List<String> fixed = new ArrayList<>();
            try (Stream<Path> paths = Files.walk(directory)) {
                for (Path path : paths.toList()) {
                    fix(path, fixed);
                }
            }
            if (!fixed.isEmpty()) {
                LOG.warn(
                        "the data directory {} was open to other local users; made {} path(s) owner-only (directories"
                                + " 0700, files 0600): {}{}",
                        directory.toAbsolutePath().normalize(),
                        fixed.size(),
                        String.join(", ", fixed.subList(0, Math.min(SHOWN, fixed.size()))),
                        fixed.size() > SHOWN ? ", …" : "");
            }
            return fixed;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot make the data directory " + directory + " owner-only: " + e.getMessage()
                            + " (is it owned by another user?)",
                    e);
        }
    }

    /** Creates {@code directory} as {@code 0700} (and its missing parents as the umask has it) if it is missing. */
    public static Path createOwnerOnly(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            Path parent = directory.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (isPosix(parent == null ? directory : parent)) {
                Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(DIRECTORY));
            } else {
                Files.createDirectory(directory);
            }
        }
        return directory;
    }

    private static void fix(Path path, List<String> fixed) throws IOException {
        BasicFileAttributes attributes =
                Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (attributes.isSymbolicLink()) {
            return; // never follow a link out of the data directory
        }
        Set<PosixFilePermission> wanted = attributes.isDirectory() ? DIRECTORY : OwnerOnlyFilePath.FILE;
        Set<PosixFilePermission> actual = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
        if (actual.stream().anyMatch(permission -> !OWNER.contains(permission))) {
            Files.setPosixFilePermissions(path, wanted);
            fixed.add(path.getFileName() + " " + PosixFilePermissions.toString(actual));
        }
    }

    private static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
