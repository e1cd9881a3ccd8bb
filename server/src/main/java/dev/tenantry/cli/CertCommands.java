package dev.tenantry.cli;

import dev.tenantry.app.TenantryConfig;
import dev.tenantry.tls.LocalCa;
import dev.tenantry.tls.TlsMaterial;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tenantry cert …}: the server's TLS certificate and the local certificate authority that may issue it. */
@Command(
        name = "cert",
        mixinStandardHelpOptions = true,
        description = "TLS certificate commands.",
        subcommands = {CertCommands.Export.class, CertCommands.Ca.class})
final class CertCommands {

    /** {@code tenantry cert export [--ca]}: prints a certificate in PEM; opens no database, creates nothing. */
    @Command(
            name = "export",
            mixinStandardHelpOptions = true,
            description = "Print the server certificate (PEM), or with --ca the local certificate authority's.")
    static final class Export extends DataCommand {

        @Option(names = "--ca", description = "Print the local certificate authority (made by 'tenantry cert ca').")
        boolean ca;

        @Override
        public Integer call() {
            TenantryConfig config = config();
            Path file = ca ? config.caCertificateFile() : config.certificateFile();
            try {
                if (ca && !Files.exists(file)) {
                    throw new IllegalStateException(
                            "no local certificate authority at " + file + ": run 'tenantry cert ca' first");
                }
                TlsMaterial.readCertificate(file);
                System.out.print(Files.readString(file));
                return 0;
            } catch (IllegalStateException | IOException e) {
                System.err.println((ca ? "ca_missing: " : "cert_missing: ") + e.getMessage());
                return 1;
            }
        }
    }

    /** {@code tenantry cert ca}: makes the local certificate authority once; an existing one is kept. */
    @Command(
            name = "ca",
            mixinStandardHelpOptions = true,
            description = "Make a local certificate authority in the data directory (kept if there is one); the server"
                    + " then has its certificate issued by it at every start.")
    static final class Ca extends DataCommand {

        @Override
        public Integer call() {
            TenantryConfig config = config();
            Path certificate = config.caCertificateFile().toAbsolutePath().normalize();
            try {
                boolean made = LocalCa.create(config.caCertificateFile(), config.caPrivateKeyFile());
                System.out.println(
                        (made ? "Made the local certificate authority " : "Kept the local certificate" + " authority ")
                                + certificate + " (key: "
                                + config.caPrivateKeyFile().toAbsolutePath().normalize()
                                + ", owner-only).");
                System.out.println("The server's certificate is issued by it at its next start. Then trust it on"
                        + " this machine: 'tenantry trust' shows how, 'sudo tenantry trust --apply' does it.");
                return 0;
            } catch (IllegalStateException e) {
                System.err.println("ca_failed: " + e.getMessage());
                return 1;
            }
        }
    }
}
