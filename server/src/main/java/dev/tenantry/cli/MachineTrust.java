package dev.tenantry.cli;

import dev.tenantry.app.TenantryConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What makes one machine trust Tenantry's local CA and send Microsoft's host names to it: the Debian CA store, a JVM
 * trust store every user can read, a profile script with the variables Python, OpenSSL and Node read, and an {@code /etc/hosts} line, all marked as
 * Tenantry's so that applying twice changes nothing and removing takes away exactly what was added. Paths are under
 * {@code root} ({@code /} on a real machine; a temporary directory in tests, where no command is run).
 */
final class MachineTrust {

    static final String MARK = "# tenantry";
    static final String CA_STORE_FILE = "usr/local/share/ca-certificates/tenantry.crt";
    static final String SYSTEM_BUNDLE = "/etc/ssl/certs/ca-certificates.crt";
    static final String PROFILE_FILE = "etc/profile.d/tenantry.sh";
    /** The JVM trust store where every user can read it (the data directory is owner-only). */
    static final String TRUST_STORE_FILE = "usr/local/share/tenantry/truststore.p12";

    private final Path root;
    private final List<String> done = new ArrayList<>();

    MachineTrust(Path root) {
        this.root = root;
    }

    /** The {@code /etc/hosts} line mapping Microsoft's names to {@code address}. */
    static String hostsLine(String address) {
        return address + " " + String.join(" ", TenantryConfig.MICROSOFT_HOSTNAMES) + " " + MARK;
    }

    /** The profile script: variables for the clients that do not read the system store by themselves. */
    static String profile() {
        return MARK + ": trust Tenantry's local CA ('tenantry trust --remove' deletes this file)\n"
                + "export REQUESTS_CA_BUNDLE=" + SYSTEM_BUNDLE + "\n"
                + "export SSL_CERT_FILE=" + SYSTEM_BUNDLE + "\n"
                + "export NODE_EXTRA_CA_CERTS=/" + CA_STORE_FILE + "\n";
    }

    /**
     * Adds the CA to the system store, a copy of {@code trustStore} (holding {@code ca}) where every user can read it,
     * the profile script and the hosts line; returns what changed.
     */
    List<String> apply(String caPem, X509Certificate ca, Path trustStore, String address) {
        Path caFile = root.resolve(CA_STORE_FILE);
        if (writeIfChanged(caFile, caPem)) {
            done.add("added the CA to the system store: " + caFile);
            updateCaCertificates();
        }
        Path systemTrustStore = root.resolve(TRUST_STORE_FILE);
        if (!holds(systemTrustStore, ca)) {
            copyReadable(trustStore, systemTrustStore);
            done.add("wrote the JVM trust store " + systemTrustStore);
        }
        if (writeIfChanged(root.resolve(PROFILE_FILE), profile())) {
            done.add("wrote " + root.resolve(PROFILE_FILE) + " (new login shells get the variables)");
        }
        List<String> hosts = new ArrayList<>(hostsWithoutOurs());
        hosts.add(hostsLine(address));
        if (writeHosts(hosts)) {
            done.add("mapped Microsoft's host names to " + address + " in " + root.resolve("etc/hosts"));
        }
        return done;
    }

    /** Takes away what {@link #apply} added; returns what changed. */
    List<String> remove() {
        Path caFile = root.resolve(CA_STORE_FILE);
        if (deleteIfExists(caFile)) {
            done.add("removed the CA from the system store: " + caFile);
            updateCaCertificates();
        }
        if (deleteIfExists(root.resolve(PROFILE_FILE))) {
            done.add("deleted " + root.resolve(PROFILE_FILE));
        }
        Path systemTrustStore = root.resolve(TRUST_STORE_FILE);
        if (deleteIfExists(systemTrustStore)) {
            done.add("deleted " + systemTrustStore);
            try (var left = Files.list(systemTrustStore.getParent())) {
                if (left.findAny().isEmpty()) {
                    Files.delete(systemTrustStore.getParent());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot tidy " + systemTrustStore.getParent(), e);
            }
        }
        if (writeHosts(hostsWithoutOurs())) {
            done.add("removed the Microsoft host names line from " + root.resolve("etc/hosts"));
        }
        return done;
    }

    private List<String> hostsWithoutOurs() {
        Path hosts = root.resolve("etc/hosts");
        try {
            if (!Files.exists(hosts)) {
                return List.of();
            }
            return Files.readAllLines(hosts, StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.strip().endsWith(MARK))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + hosts, e);
        }
    }

    // in place, not by renaming: in a container /etc/hosts is a mount point that cannot be replaced
    private boolean writeHosts(List<String> lines) {
        Path hosts = root.resolve("etc/hosts");
        String content = lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
        try {
            if (Files.exists(hosts)
                    && Files.readString(hosts, StandardCharsets.UTF_8).equals(content)) {
                return false;
            }
            if (!Files.exists(hosts) && lines.isEmpty()) {
                return false;
            }
            Files.createDirectories(hosts.getParent());
            Files.writeString(hosts, content, StandardCharsets.UTF_8);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + hosts, e);
        }
    }

    private static boolean writeIfChanged(Path file, String content) {
        try {
            if (Files.exists(file)
                    && Files.readString(file, StandardCharsets.UTF_8).equals(content)) {
                return false;
            }
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Whether {@code file} is a trust store (password {@code changeit}) that holds {@code ca}. */
    private static boolean holds(Path file, X509Certificate ca) {
        if (!Files.exists(file)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, TrustCommand.TRUST_STORE_PASSWORD.toCharArray());
            return store.getCertificateAlias(ca) != null;
        } catch (IOException | GeneralSecurityException e) {
            return false;
        }
    }

    private static void copyReadable(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
            if (to.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rw-r--r--"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + to, e);
        }
    }

    private static boolean deleteIfExists(Path file) {
        try {
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }

    private void updateCaCertificates() {
        if (!root.toAbsolutePath().normalize().equals(Path.of("/"))) {
            done.add("(not run under " + root + ": update-ca-certificates)");
            return;
        }
        try {
            Process process = new ProcessBuilder("update-ca-certificates")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("update-ca-certificates failed; run it by hand to see why");
            }
            done.add("ran update-ca-certificates");
        } catch (IOException e) {
            throw new IllegalStateException(
                    "update-ca-certificates is not installed (Debian's ca-certificates package): the system store was"
                            + " not updated; use the trust store and variables 'tenantry trust' prints",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running update-ca-certificates", e);
        }
    }
}
