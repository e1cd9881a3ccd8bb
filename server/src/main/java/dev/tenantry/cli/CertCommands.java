package dev.tenantry.cli;

import dev.tenantry.app.TenantryConfig;
import dev.tenantry.tls.TlsMaterial;
import picocli.CommandLine.Command;

/** {@code tenantry cert …}: the server's TLS certificate. */
@Command(
        name = "cert",
        mixinStandardHelpOptions = true,
        description = "TLS certificate commands.",
        subcommands = CertCommands.Export.class)
final class CertCommands {

    /** {@code tenantry cert export}: prints the certificate in PEM; opens no database, creates nothing. */
    @Command(name = "export", mixinStandardHelpOptions = true, description = "Print the server certificate (PEM).")
    static final class Export extends DataCommand {

        @Override
        public Integer call() {
            TenantryConfig config = config();
            try {
                TlsMaterial.readCertificate(config.certificateFile());
                System.out.print(java.nio.file.Files.readString(config.certificateFile()));
                return 0;
            } catch (IllegalStateException | java.io.IOException e) {
                System.err.println("cert_missing: " + e.getMessage());
                return 1;
            }
        }
    }
}
