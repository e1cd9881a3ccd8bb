package dev.tenantry.clients;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Unmodified Python clients reaching the compat server as Microsoft's public cloud (issue 12), with nothing configured
 * but what {@code tenantry trust} prints: its {@code REQUESTS_CA_BUNDLE} line and its {@code /etc/hosts} line. The hosts
 * line is seen only by the commands run here: each runs in a mount namespace of its own whose {@code /etc/hosts} is a
 * copy with the line added ({@code unshare --mount}), so the machine's hosts file is never touched. Where no namespace
 * can be made (a container without {@code CAP_SYS_ADMIN}) but {@code /etc/hosts} is writable, the line is added to it,
 * marked with this JVM's pid, and always removed when the JVM ends (a line left by a killed run is removed by the next).
 * {@code -Dtenantry.compat.hosts=file} forces that. Empty, with the reason, when neither can be done (not root, the
 * server not on port 443).
 */
final class MicrosoftHostNames {

    private static final Pattern EXPORT = Pattern.compile("(?m)^export (REQUESTS_CA_BUNDLE)=(\\S+)$");
    private static final Pattern HOSTS = Pattern.compile("(?m)^echo '([^']+)' \\| sudo tee -a /etc/hosts$");
    private static Optional<MicrosoftHostNames> instance;
    private static String unavailable;

    private static final Path ETC_HOSTS = Path.of("/etc/hosts");
    private static final String MARK = "# tenantry-compat ";

    private final Path hosts; // null: the line is in /etc/hosts itself
    private final Map<String, String> environment;

    private MicrosoftHostNames(Path hosts, Map<String, String> environment) {
        this.hosts = hosts;
        this.environment = environment;
    }

    /** The mapping for the shared compat server; empty (see {@link #unavailable()}) when it cannot be made. */
    static synchronized Optional<MicrosoftHostNames> get() {
        if (instance == null) {
            instance = make(TenantryProcess.get());
        }
        return instance;
    }

    static synchronized String unavailable() {
        return unavailable;
    }

    private static Optional<MicrosoftHostNames> make(TenantryProcess server) {
        if (!server.onPort443()) {
            return none("the server is not on port 443, and Microsoft's URLs carry no port");
        }
        if (!Files.exists(server.caCertificate())) {
            return none("the server has no local CA");
        }
        String trust = server.command("trust");
        Matcher bundle = EXPORT.matcher(trust);
        Matcher line = HOSTS.matcher(trust);
        if (!bundle.find() || !line.find()) {
            throw new IllegalStateException("'tenantry trust' printed no REQUESTS_CA_BUNDLE or hosts line:\n" + trust);
        }
        try {
            Path hosts = Files.createTempFile("tenantry-compat-hosts-", "");
            hosts.toFile().deleteOnExit();
            Files.writeString(
                    hosts,
                    Files.readString(Path.of("/etc/hosts")) + "\n" + line.group(1) + "\n",
                    StandardCharsets.UTF_8);
            Map<String, String> environment = Map.of(bundle.group(1), bundle.group(2));
            MicrosoftHostNames isolated = new MicrosoftHostNames(hosts, environment);
            String probe = "file".equals(System.getProperty("tenantry.compat.hosts")) ? "forced" : isolated.probe();
            if (probe == null) {
                return Optional.of(isolated);
            }
            if (!Files.isWritable(ETC_HOSTS)) {
                return none(probe + "; and /etc/hosts is not writable");
            }
            addToEtcHosts(line.group(1));
            MicrosoftHostNames shared = new MicrosoftHostNames(null, environment);
            String sharedProbe = shared.probe();
            System.out.println("compat: Microsoft's host names in /etc/hosts until this run ends (" + probe + ")");
            return sharedProbe == null ? Optional.of(shared) : none(sharedProbe);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds {@code line} to /etc/hosts, in place (it may be a mount point), and removes it when this JVM ends. */
    private static void addToEtcHosts(String line) throws IOException {
        String mark = MARK + ProcessHandle.current().pid();
        rewriteEtcHosts(line + " " + mark);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try {
                                rewriteEtcHosts(null);
                            } catch (IOException e) {
                                System.err.println(
                                        "compat: could not remove the line '" + mark + "' from /etc/hosts: " + e);
                            }
                        },
                        "tenantry-compat-hosts"));
    }

    /** Drops this JVM's line and those of runs no longer alive, then appends {@code added} unless null. */
    private static synchronized void rewriteEtcHosts(String added) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String existing : Files.readAllLines(ETC_HOSTS, StandardCharsets.UTF_8)) {
            int at = existing.indexOf(MARK);
            if (at < 0) {
                lines.add(existing);
                continue;
            }
            long pid = Long.parseLong(existing.substring(at + MARK.length()).strip());
            boolean ours = pid == ProcessHandle.current().pid();
            if (!ours && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                lines.add(existing);
            }
        }
        if (added != null) {
            lines.add(added);
        }
        Files.writeString(ETC_HOSTS, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    private static Optional<MicrosoftHostNames> none(String reason) {
        unavailable = reason;
        System.out.println("compat: Python clients skipped: " + reason);
        return Optional.empty();
    }

    /** Null when a command in the namespace sees the server's address for login.microsoftonline.com, else why not. */
    private String probe() {
        try {
            Process process = new ProcessBuilder(command(List.of("getent", "hosts", "login.microsoftonline.com")))
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(20, TimeUnit.SECONDS) || process.exitValue() != 0 || !output.startsWith("127.0.0.1")) {
                return "a mount namespace with its own /etc/hosts could not be made (unshare --mount needs root): "
                        + output.strip();
            }
            return null;
        } catch (IOException e) {
            return "unshare is not installed: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** Whether commands run in mount namespaces of their own (else the line is in the machine's /etc/hosts). */
    boolean isolated() {
        return hosts != null;
    }

    /** {@code command} run where Microsoft's names are the server's. */
    List<String> command(List<String> command) {
        if (hosts == null) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of(
                "unshare",
                "--mount",
                "--",
                "sh",
                "-c",
                "mount --bind \"$0\" /etc/hosts && exec \"$@\"",
                hosts.toString()));
        wrapped.addAll(command);
        return wrapped;
    }

    /** The environment lines 'tenantry trust' printed ({@code REQUESTS_CA_BUNDLE}), for the command's environment. */
    Map<String, String> environment() {
        return environment;
    }
}
