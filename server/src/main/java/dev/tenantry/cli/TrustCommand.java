package dev.tenantry.cli;

import dev.tenantry.app.TenantryConfig;
import dev.tenantry.tls.LocalCa;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tenantry trust}: what makes this machine trust the local CA and reach the server on Microsoft's host names.
 * Prints the steps; {@code --apply} (as root) performs them, {@code --remove} undoes them. The JVM trust store and the
 * CA bundle are written to the data directory either way.
 */
@Command(
        name = "trust",
        mixinStandardHelpOptions = true,
        description = "Show (or with --apply, as root, perform) what makes this machine trust the local CA and send"
                + " Microsoft's host names to this server; --remove undoes it.")
final class TrustCommand extends DataCommand {

    static final String TRUST_STORE_PASSWORD = "changeit";

    @Option(
            names = "--apply",
            description = "Add the CA to the system store, the profile variables and the hosts line.")
    boolean apply;

    @Option(names = "--remove", description = "Take away what --apply added.")
    boolean remove;

    @Option(
            names = "--address",
            paramLabel = "IP",
            description = "Address the hosts line maps Microsoft's names to. Default: 127.0.0.1")
    String address = "127.0.0.1";

    @Option(names = "--root", hidden = true, description = "Directory standing for / (tests).")
    Path root = Path.of("/");

    @Override
    public Integer call() {
        if (apply && remove) {
            System.err.println("invalid_options: give --apply or --remove, not both");
            return 2;
        }
        if (!address.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*")) {
            System.err.println("invalid_address: --address takes an IP address, not '" + address + "'");
            return 2;
        }
        if ((apply || remove) && isRealRoot() && !runsAsRoot()) {
            System.err.println("root_required: 'tenantry trust --" + (apply ? "apply" : "remove") + "' changes the"
                    + " system CA store and /etc/hosts; run it with sudo, or do the steps 'tenantry trust' prints");
            return 1;
        }
        try {
            if (remove) {
                report(new MachineTrust(root).remove(), "Nothing to remove: this machine had no Tenantry trust.");
                return 0;
            }
            TenantryConfig config = config();
            LocalCa ca = LocalCa.load(config.caCertificateFile(), config.caPrivateKeyFile());
            ca.writeTrustStore(config.trustStoreFile(), TRUST_STORE_PASSWORD.toCharArray());
            ca.writeBundle(bundleFile(config), Path.of(MachineTrust.SYSTEM_BUNDLE));
            if (apply) {
                report(
                        new MachineTrust(root)
                                .apply(ca.certificatePem(), ca.certificate(), config.trustStoreFile(), address),
                        "Already trusted: nothing changed.");
                System.out.println("Java reads no system store; start it with: "
                        + javaOptions(Path.of("/" + MachineTrust.TRUST_STORE_FILE)));
                return 0;
            }
            print(config);
            return 0;
        } catch (IllegalStateException | UncheckedIOException e) {
            System.err.println("trust_failed: " + e.getMessage());
            return 1;
        }
    }

    private static void report(List<String> done, String nothing) {
        if (done.isEmpty()) {
            System.out.println(nothing);
        }
        done.forEach(System.out::println);
    }

    private void print(TenantryConfig config) {
        Path ca = absolute(config.caCertificateFile());
        String bundle = absolute(bundleFile(config)).toString();
        System.out.println("# 'sudo tenantry trust --apply' does the system steps below ('--remove' undoes them).");
        System.out.println(
                "# The system CA store (curl, OpenSSL, Debian's Python: the Azure CLI, MSAL, azure-identity):");
        System.out.println("sudo cp " + ca + " /" + MachineTrust.CA_STORE_FILE + " && sudo update-ca-certificates");
        System.out.println("# Java: a trust store holding the CA (written now):");
        System.out.println(javaOptions(config.trustStoreFile()));
        System.out.println(
                "# Python requests and pip's certifi, OpenSSL, Node.js (the bundle is the system's plus the CA):");
        System.out.println("export REQUESTS_CA_BUNDLE=" + bundle);
        System.out.println("export SSL_CERT_FILE=" + bundle);
        System.out.println("export NODE_EXTRA_CA_CERTS=" + ca);
        System.out.println("# Microsoft's host names to this server ('tenantry serve --microsoft-hostnames'):");
        System.out.println("echo '" + MachineTrust.hostsLine(address) + "' | sudo tee -a /etc/hosts");
    }

    private static String javaOptions(Path trustStore) {
        return "-Djavax.net.ssl.trustStore=" + absolute(trustStore)
                + " -Djavax.net.ssl.trustStorePassword=" + TRUST_STORE_PASSWORD
                + " -Djavax.net.ssl.trustStoreType=PKCS12";
    }

    private static Path bundleFile(TenantryConfig config) {
        return config.caCertificateFile().resolveSibling("ca-bundle.pem");
    }

    private static Path absolute(Path path) {
        return path.toAbsolutePath().normalize();
    }

    private boolean isRealRoot() {
        return root.toAbsolutePath().normalize().equals(Path.of("/"));
    }

    private static boolean runsAsRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }
}
