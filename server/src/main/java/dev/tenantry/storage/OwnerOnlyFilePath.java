package dev.tenantry.storage;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * H2's file system with every file it creates (database, trace, lock and temporary files) made owner-only ({@code
 * 0600}) at creation, whatever the process umask: Java cannot set the umask, so the file is created with its mode here
 * before H2 opens it. Used through the URL prefix {@value #SCHEME}{@code :}, which {@link Database} puts in front of
 * embedded H2 file URLs.
 */
public final class OwnerOnlyFilePath extends FilePathWrapper {

    static final String SCHEME = "owneronly";

    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final FileAttribute<Set<PosixFilePermission>> FILE_ATTRIBUTE =
            PosixFilePermissions.asFileAttribute(FILE);

    /** Makes the scheme known to H2; harmless when called again. */
    static void register() {
        FilePath.register(new OwnerOnlyFilePath());
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public boolean createFile() {
        try {
            Files.createFile(path(), attributes());
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public OutputStream newOutputStream(boolean append) throws IOException {
        createIfMissing();
        return super.newOutputStream(append);
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        if (mode.contains("w")) {
            createIfMissing();
        }
        return super.open(mode);
    }

    @Override
    public FilePath createTempFile(String suffix, boolean inTempDir) throws IOException {
        FilePath created = super.createTempFile(suffix, inTempDir);
        Path file = Path.of(created.unwrap().toString());
        if (isPosix(file)) {
            Files.setPosixFilePermissions(file, FILE); // created by H2 a moment ago, inside the owner-only directory
        }
        return created;
    }

    private void createIfMissing() throws IOException {
        Path file = path();
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            try {
                Files.createFile(file, attributes());
            } catch (FileAlreadyExistsException raced) {
                // another thread created it first, with the same mode
            }
        }
    }

    private Path path() {
        return Path.of(getBase().toString());
    }

    private FileAttribute<?>[] attributes() {
        Path parent = path().toAbsolutePath().getParent();
        return parent != null && isPosix(parent) ? new FileAttribute<?>[] {FILE_ATTRIBUTE} : new FileAttribute<?>[0];
    }

    private static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
