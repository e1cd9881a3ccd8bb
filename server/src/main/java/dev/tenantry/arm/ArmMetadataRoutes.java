package dev.tenantry.arm;

import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.web.Gate;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ARM's cloud metadata, {@code GET /metadata/endpoints}, so that {@code az cloud register
 * --endpoint-resource-manager URL} alone registers a working cloud: {@code api-version=2015-01-01} answers the object
 * msrestazure reads (Azure CLI 2.45: {@code galleryEndpoint}, {@code graphEndpoint}, {@code portalEndpoint},
 * {@code authentication}); {@code 2019-05-01} and later answer the list newer CLIs and {@code ARM_CLOUD_METADATA_URL}
 * read, with {@code microsoftGraphResourceId}. Resource Manager, sign-in and Microsoft Graph are this server's URL
 * (its public URL, else the address the client used); ARM's token audiences are Microsoft's own, so a client never
 * confuses a Graph token (for this URL) with an ARM token. Services Tenantry does not run keep Azure's public values.
 *
 * @see <a href="https://learn.microsoft.com/cli/azure/cloud#az-cloud-register">az cloud register</a>
 */
public final class ArmMetadataRoutes {

    static final String PATH = "/metadata/endpoints";

    /** The object shape; every later version answers the list. */
    private static final String OBJECT_VERSION = "2015-01-01";

    private static final Set<String> LIST_VERSIONS = Set.of("2019-05-01", "2020-06-01", "2022-09-01");

    private static final List<String> ARM_AUDIENCES =
            List.of("https://management.core.windows.net/", "https://management.azure.com/");
    private static final String AAD_GRAPH = "https://graph.windows.net/";
    private static final String GALLERY = "https://gallery.azure.com/";

    public void register(RoutesConfig routes) {
        routes.get(PATH, this::endpoints, Gate.ANONYMOUS);
    }

    private void endpoints(Context ctx) {
        ArmJson.requireApiVersion(ctx);
        String version = ctx.queryParam("api-version").strip();
        String base = ArmJson.base(ctx);
        if (version.equals(OBJECT_VERSION)) {
            ctx.json(object(base));
        } else if (LIST_VERSIONS.contains(version)) {
            ctx.json(List.of(cloud(base)));
        } else {
            throw new InvalidRequestException(
                    ArmError.INVALID_API_VERSION,
                    "The api-version '" + version + "' is invalid. The supported versions are '"
                            + String.join(",", supportedVersions()) + "'.");
        }
    }

    private static List<String> supportedVersions() {
        return List.of("2022-09-01", "2020-06-01", "2019-05-01", OBJECT_VERSION);
    }

    /** The 2015-01-01 object. */
    static Map<String, Object> object(String base) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("galleryEndpoint", GALLERY);
        json.put("graphEndpoint", AAD_GRAPH);
        json.put("portalEndpoint", base + "/portal/");
        json.put("authentication", Map.of("loginEndpoint", base + "/", "audiences", ARM_AUDIENCES));
        return json;
    }

    /** One cloud of the list shape (2019-05-01 and later), named Tenantry. */
    static Map<String, Object> cloud(String base) {
        Map<String, Object> authentication = new LinkedHashMap<>();
        authentication.put("loginEndpoint", base);
        authentication.put("audiences", ARM_AUDIENCES);
        authentication.put("tenant", "common");
        authentication.put("identityProvider", "AAD");
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("portal", base + "/portal");
        json.put("authentication", authentication);
        json.put("media", "https://rest.media.azure.net");
        json.put("graphAudience", AAD_GRAPH);
        json.put("graph", AAD_GRAPH);
        json.put("name", "Tenantry");
        json.put("suffixes", suffixes());
        json.put("batch", "https://batch.core.windows.net/");
        json.put("resourceManager", base + "/");
        json.put(
                "vmImageAliasDoc",
                "https://raw.githubusercontent.com/Azure/azure-rest-api-specs/master/arm-compute/quickstart-templates/"
                        + "aliases.json");
        json.put("activeDirectoryDataLake", "https://datalake.azure.net/");
        json.put("sqlManagement", "https://management.core.windows.net:8443/");
        json.put("gallery", GALLERY);
        json.put("microsoftGraphResourceId", base + "/");
        json.put("appInsightsResourceId", "https://api.applicationinsights.io");
        json.put("appInsightsTelemetryChannelResourceId", "https://dc.applicationinsights.azure.com/v2/track");
        json.put("attestationResourceId", "https://attest.azure.net");
        json.put("synapseAnalyticsResourceId", "https://dev.azuresynapse.net");
        json.put("logAnalyticsResourceId", "https://api.loganalytics.io");
        json.put("ossrDbmsResourceId", "https://ossrdbms-aad.database.windows.net");
        return json;
    }

    private static Map<String, Object> suffixes() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("azureDataLakeStoreFileSystem", "azuredatalakestore.net");
        json.put("acrLoginServer", "azurecr.io");
        json.put("sqlServerHostname", "database.windows.net");
        json.put("azureDataLakeAnalyticsCatalogAndJob", "azuredatalakeanalytics.net");
        json.put("keyVaultDns", "vault.azure.net");
        json.put("storage", "core.windows.net");
        json.put("azureFrontDoorEndpointSuffix", "azurefd.net");
        json.put("storageSyncEndpointSuffix", "afs.azure.net");
        json.put("mhsmDns", "managedhsm.azure.net");
        json.put("mysqlServerEndpoint", "mysql.database.azure.com");
        json.put("postgresqlServerEndpoint", "postgres.database.azure.com");
        json.put("mariadbServerEndpoint", "mariadb.database.azure.com");
        json.put("synapseAnalytics", "dev.azuresynapse.net");
        json.put("attestationEndpoint", "attest.azure.net");
        return json;
    }
}
