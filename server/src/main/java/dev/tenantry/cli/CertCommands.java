package dev.tenantry.cli;

import dev.tenantry.app.TenantryConfig;
import dev.tenantry.tls.TlsMaterial;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code tenantry cert …}: the server's TLS certificate. */
@Command(
        name = "cert",
        mixinStandardHelpOptions = true,
        description = "TLS certificate commands.",
        subcommands = CertCommands.Export.class)
final class CertCommands {

    /** {@code tenantry cert export}: prints the certificate in PEM; opens no database, creates nothing. */
    @Command(name = "export", mixinStandardHelpOptions = true, description = "Print the server certificate (PEM).")
    static final class Export implements Callable<Integer>, EnvFactory.NeedsEnv {

        @Mixin
        DataOptions data = new DataOptions();

        private Map<String, String> env = Map.of();

        @Override
        public void env(Map<String, String> environment) {
            this.env = environment;
        }

        @Override
        public Integer call() {
            TenantryConfig config = data.apply(env);
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
