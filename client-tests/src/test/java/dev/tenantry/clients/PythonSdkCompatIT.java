package dev.tenantry.clients;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * MSAL Python 1.21 (password, silent, client credentials) and the Python Azure SDK (azure-identity's
 * ClientSecretCredential, subscriptions, resource groups, role assignments) from Debian, with no authority, endpoint or
 * instance-discovery setting: Tenantry answers as Microsoft's public cloud (issue 12). The script is
 * {@code src/test/resources/python/msal_and_sdk.py}; it prints what it checked as JSON.
 */
class PythonSdkCompatIT {

    private static final String OWNER = "8e3af657-a8ff-443c-a75c-2fe8c4bcb635";

    @Test
    void msalPythonAndTheAzureSdkWorkUnconfigured() throws IOException {
        MicrosoftHostNames names = PythonClients.assumeAvailable(PythonClients.PYTHON, "python3-msal python3-azure");
        ServerApi api = new ServerApi(TenantryProcess.get());
        TestDirectory directory = TestDirectory.signUp(api, "python");
        AppRegistration app =
                AppRegistration.tryCreate(api, directory, "python-daemon").orElseThrow();
        AppRegistration.assignRole(api, directory, app.servicePrincipalId(), OWNER);

        PythonClients.Result result = PythonClients.run(
                        names,
                        List.of(PythonClients.PYTHON.toString(), script().toString()),
                        Map.of(
                                "TENANT", directory.tenantId(),
                                "USER", directory.adminUpn(),
                                "PASSWORD", TestDirectory.PASSWORD,
                                "APP_ID", app.appId(),
                                "SECRET", app.secret(),
                                "SUBSCRIPTION", directory.subscriptionId(),
                                "PRINCIPAL", directory.adminObjectId()))
                .requireSuccess("msal_and_sdk.py");

        JsonNode checked = result.json();
        assertThat(checked.get("msal_password").asBoolean()).isTrue();
        assertThat(checked.get("msal_silent_cached").asBoolean()).isTrue();
        assertThat(checked.get("msal_silent_other_resource").asBoolean()).isTrue();
        assertThat(checked.get("msal_client_credentials").asBoolean()).isTrue();
        assertThat(checked.get("msal_client_credentials_cached").asBoolean()).isTrue();
        assertThat(checked.get("sdk_subscriptions").toString()).contains(directory.subscriptionId());
        assertThat(checked.get("sdk_resource_groups").asBoolean()).isTrue();
        assertThat(checked.get("sdk_role_assignments").asBoolean()).isTrue();
    }

    private static Path script() throws IOException {
        Path file = Files.createTempFile("tenantry-compat-", ".py");
        file.toFile().deleteOnExit();
        try (InputStream in = PythonSdkCompatIT.class.getResourceAsStream("/python/msal_and_sdk.py")) {
            if (in == null) {
                throw new UncheckedIOException(new IOException("python/msal_and_sdk.py is not on the class path"));
            }
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }
}
