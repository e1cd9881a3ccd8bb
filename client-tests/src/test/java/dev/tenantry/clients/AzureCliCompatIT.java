package dev.tenantry.clients;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Debian's Azure CLI 2.45 against Tenantry as Microsoft's public cloud (issue 12): the CLI's built-in AzureCloud, with
 * nothing configured but the trust and hosts lines of {@code tenantry trust}. Role assignments go through {@code az
 * rest}, because Debian's {@code az role} crashes on its own packaging (Azure/azure-cli#23933).
 */
class AzureCliCompatIT {

    private static final String ARM = "https://management.azure.com";
    private static final String OWNER = "8e3af657-a8ff-443c-a75c-2fe8c4bcb635";

    private static MicrosoftHostNames names;
    private static ServerApi api;
    private static TestDirectory directory;
    private static PythonClients.Az admin;

    @BeforeAll
    static void signIn() {
        names = PythonClients.assumeAvailable(PythonClients.AZ, "azure-cli");
        api = new ServerApi(TenantryProcess.get());
        directory = TestDirectory.signUp(api, "azcli");
        admin = new PythonClients.Az(names);
        JsonNode accounts = admin.json("login", "-u", directory.adminUpn(), "-p", TestDirectory.PASSWORD);
        assertThat(accounts.findValuesAsText("id")).contains(directory.subscriptionId());
    }

    @Test
    void passwordLoginListsTheSubscriptionOfTheDirectory() {
        JsonNode accounts = admin.json("account", "list");

        assertThat(accounts).hasSize(1);
        assertThat(accounts.get(0).get("id").asText()).isEqualTo(directory.subscriptionId());
        assertThat(accounts.get(0).get("tenantId").asText()).isEqualTo(directory.tenantId());
        assertThat(accounts.get(0).get("cloudName").asText()).isEqualTo("AzureCloud");
        assertThat(accounts.get(0).at("/user/name").asText()).isEqualTo(directory.adminUpn());
    }

    @Test
    void usersAreCreatedListedShownAndDeleted() {
        String upn = "jane" + suffix() + "@" + directory.domain();

        String id = admin.json(
                        "ad",
                        "user",
                        "create",
                        "--display-name",
                        "Jane Doe",
                        "--user-principal-name",
                        upn,
                        "--password",
                        "Tenantry!2026x")
                .get("id")
                .asText();
        assertThat(admin.json("ad", "user", "list").findValuesAsText("userPrincipalName"))
                .contains(upn, directory.adminUpn());
        assertThat(admin.json("ad", "user", "show", "--id", upn).get("id").asText())
                .isEqualTo(id);
        admin.json("ad", "user", "delete", "--id", id);

        assertThat(admin.attempt("ad", "user", "show", "--id", upn).exit()).isNotZero();
    }

    @Test
    void applicationsTheirSecretsAndServicePrincipals() {
        String name = "az-app-" + suffix();
        String appId = admin.json("ad", "app", "create", "--display-name", name)
                .get("appId")
                .asText();
        admin.json("ad", "app", "create", "--display-name", "az-other-" + suffix()); // a second one, not to be chosen

        assertThat(admin.json("ad", "app", "show", "--id", appId)
                        .get("displayName")
                        .asText())
                .isEqualTo(name);
        JsonNode reset = admin.json("ad", "app", "credential", "reset", "--id", appId);
        assertThat(reset.get("appId").asText()).isEqualTo(appId);
        assertThat(reset.get("password").asText()).hasSizeGreaterThan(20);
        assertThat(reset.get("tenant").asText()).isEqualTo(directory.tenantId());
        String spId = admin.json("ad", "sp", "create", "--id", appId).get("id").asText();
        assertThat(admin.json("ad", "sp", "show", "--id", appId).get("id").asText())
                .isEqualTo(spId);
        admin.json("ad", "sp", "delete", "--id", appId);

        assertThat(admin.attempt("ad", "sp", "show", "--id", appId).err()).contains("does not exist");
    }

    @Test
    void groupsAreCreatedAndListed() {
        String name = "Devs " + suffix();

        String id = admin.json("ad", "group", "create", "--display-name", name, "--mail-nickname", "devs" + suffix())
                .get("id")
                .asText();

        assertThat(admin.json("ad", "group", "list").findValuesAsText("id")).contains(id);
    }

    @Test
    void resourceGroupsAreCreatedListedAndDeleted() {
        String name = "rg-" + suffix();

        assertThat(admin.json("group", "create", "-n", name, "-l", "westeurope")
                        .get("name")
                        .asText())
                .isEqualTo(name);
        assertThat(admin.json("group", "list").findValuesAsText("name")).contains(name);
        admin.json("group", "delete", "-n", name, "--yes");

        assertThat(admin.json("group", "list").findValuesAsText("name")).doesNotContain(name);
    }

    @Test
    void roleAssignmentsThroughAzRest() {
        String scope = ARM + directory.subscriptionScope() + "/providers/Microsoft.Authorization/roleAssignments";
        String user = admin.json(
                        "ad",
                        "user",
                        "create",
                        "--display-name",
                        "Role Holder",
                        "--user-principal-name",
                        "holder" + suffix() + "@" + directory.domain(),
                        "--password",
                        "Tenantry!2026x")
                .get("id")
                .asText();
        String assignment = UUID.randomUUID().toString();
        String body = """
                {"properties":{"roleDefinitionId":"%s/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-\
                48ef-bd42-f606fba81ae7","principalId":"%s","principalType":"User"}}""".formatted(directory.subscriptionScope(), user);

        admin.json(
                "rest",
                "--method",
                "put",
                "--url",
                scope + "/" + assignment + "?api-version=2022-04-01",
                "--body",
                body);
        assertThat(admin.json("rest", "--url", scope + "?api-version=2022-04-01")
                        .findValuesAsText("name"))
                .contains(assignment);
        admin.json("rest", "--method", "delete", "--url", scope + "/" + assignment + "?api-version=2022-04-01");

        assertThat(admin.json("rest", "--url", scope + "?api-version=2022-04-01")
                        .findValuesAsText("name"))
                .doesNotContain(assignment);
    }

    @Test
    void servicePrincipalLoginReachesResourceManagerAndGraph() {
        AppRegistration app = AppRegistration.tryCreate(api, directory, "az-daemon-" + suffix())
                .orElseThrow();
        app.grantGraphRole(api, directory, AppRegistration.DIRECTORY_READ_ALL);
        AppRegistration.assignRole(api, directory, app.servicePrincipalId(), OWNER);
        PythonClients.Az daemon = new PythonClients.Az(names);

        JsonNode accounts = daemon.json(
                "login",
                "--service-principal",
                "-u",
                app.appId(),
                "-p",
                app.secret(),
                "--tenant",
                directory.tenantId());

        assertThat(accounts.findValuesAsText("id")).contains(directory.subscriptionId());
        assertThat(daemon.json("account", "list").at("/0/user/type").asText()).isEqualTo("servicePrincipal");
        assertThat(daemon.json("group", "list").isArray()).isTrue();
        // a Graph token for a confidential client: MSAL asks instance discovery (api-version 1.1) first
        assertThat(daemon.json("ad", "sp", "show", "--id", app.appId())
                        .get("id")
                        .asText())
                .isEqualTo(app.servicePrincipalId());
    }

    @Test
    @DisplayName("issue 12: the README's lines alone: 'sudo tenantry trust --apply' (for real, in a mount namespace"
            + " over copies of the system files), then 'az login' with nothing configured; '--remove' undoes it")
    void trustApplyAloneLetsTheCliSignIn() throws IOException {
        Assumptions.assumeTrue(names.isolated(), "skipped: needs a mount namespace, so the machine is not changed");
        TenantryProcess server = TenantryProcess.get();
        List<String> command = new ArrayList<>(List.of("unshare", "--mount", "--", "sh", script().toString()));
        command.addAll(List.of(
                server.cli().get(0),
                server.cli().get(2),
                server.dataDir().toString(),
                directory.adminUpn(),
                TestDirectory.PASSWORD));

        PythonClients.Result result = PythonClients.run(command, Map.of());

        assertThat(result.exit()).as(result::toString).isZero();
        assertThat(result.out())
                .contains("added the CA to the system store")
                .contains("ran update-ca-certificates")
                .contains("Already trusted: nothing changed.")
                .contains("\"id\": \"" + directory.subscriptionId() + "\"")
                .contains("removed the CA from the system store");
    }

    private static Path script() throws IOException {
        Path file = Files.createTempFile("tenantry-compat-trust-", ".sh");
        file.toFile().deleteOnExit();
        try (InputStream in = AzureCliCompatIT.class.getResourceAsStream("/trust/apply-and-sign-in.sh")) {
            Files.copy(
                    Objects.requireNonNull(in, "trust/apply-and-sign-in.sh"),
                    file,
                    StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
