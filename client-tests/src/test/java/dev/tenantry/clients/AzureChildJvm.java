package dev.tenantry.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs an azure-identity child ({@link ManagedIdentityChild}, {@link WorkloadIdentityChild}) in a JVM of its own whose
 * environment holds {@code variables} and nothing else of Azure's, trusting what this JVM trusts, and answers the
 * token it prints ({@code TOKEN …}).
 */
final class AzureChildJvm {

    private static final List<String> TRUST =
            List.of("javax.net.ssl.trustStore", "javax.net.ssl.trustStorePassword", "javax.net.ssl.trustStoreType");

    private AzureChildJvm() {}

    static String token(Class<?> child, Map<String, String> variables, String... args) throws Exception {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        for (String property : TRUST) {
            if (System.getProperty(property) != null) {
                command.add("-D" + property + "=" + System.getProperty(property));
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), child.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment()
                .keySet()
                .removeIf(name -> name.startsWith("AZURE_")
                        || name.startsWith("IDENTITY_")
                        || name.startsWith("MSI_")
                        || name.startsWith("IMDS_"));
        builder.environment().putAll(variables);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output.lines()
                .filter(line -> line.startsWith("TOKEN "))
                .map(line -> line.substring(6))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no token: " + output));
    }
}
