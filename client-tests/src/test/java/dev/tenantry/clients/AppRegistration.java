package dev.tenantry.clients;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.UUID;

/**
 * An app registration with a client secret and a service principal, created through Graph as an administrator would
 * ({@code POST /v1.0/applications}, {@code addPassword}, {@code POST /v1.0/servicePrincipals}). Empty when the server
 * has no Graph app-registration routes yet, so callers can skip with a reason.
 */
public record AppRegistration(String appId, String secret, String servicePrincipalId) {

    public static final String GRAPH_APP_ID = "00000003-0000-0000-c000-000000000000";
    public static final String USER_READ_ALL = "df021288-bdef-4463-88db-98f22de89214";
    public static final String DIRECTORY_READ_ALL = "7ab1d382-f21e-4acd-a863-ba3e13f7da61";
    public static final String READER = "acdd72a7-3385-48ef-bd42-f606fba81ae7";
    public static final String UNAVAILABLE =
            "the server has no Graph app-registration routes (POST /v1.0/applications answers 404/405), so no service"
                    + " principal with a secret can be created over HTTP";

    /** Registers an app named {@code displayName}; empty if the server cannot do it over Graph. */
    public static Optional<AppRegistration> tryCreate(ServerApi api, TestDirectory directory, String displayName) {
        String admin = adminGraphToken(api, directory);
        ServerApi.Reply app = api.postJson(
                "/v1.0/applications",
                "{\"displayName\":\"" + displayName + "\",\"signInAudience\":\"AzureADMyOrg\"}",
                admin);
        if (app.status() == 404 || app.status() == 405) {
            return Optional.empty();
        }
        JsonNode created = app.requireStatus(201).body();
        String secret = api.postJson(
                        "/v1.0/applications/" + created.get("id").asText() + "/addPassword",
                        "{\"passwordCredential\":{\"displayName\":\"compat\"}}",
                        admin)
                .requireStatus(200)
                .body()
                .get("secretText")
                .asText();
        String appId = created.get("appId").asText();
        String spId = api.postJson("/v1.0/servicePrincipals", "{\"appId\":\"" + appId + "\"}", admin)
                .requireStatus(201)
                .body()
                .get("id")
                .asText();
        return Optional.of(new AppRegistration(appId, secret, spId));
    }

    /** Grants this app a Graph application permission (an app role of the Graph service principal). */
    public void grantGraphRole(ServerApi api, TestDirectory directory, String appRoleId) {
        String admin = adminGraphToken(api, directory);
        String graphSp = api.get("/v1.0/servicePrincipals?$filter=appId%20eq%20%27" + GRAPH_APP_ID + "%27", admin)
                .requireStatus(200)
                .body()
                .at("/value/0/id")
                .asText();
        api.postJson(
                        "/v1.0/servicePrincipals/" + servicePrincipalId + "/appRoleAssignments",
                        """
                        {"principalId":"%s","resourceId":"%s","appRoleId":"%s"}""".formatted(servicePrincipalId, graphSp, appRoleId),
                        admin)
                .requireStatus(201);
    }

    /**
     * {@code PATCH /v1.0/applications/{id}} of this registration with {@code json} (redirect URIs, group claims), as the
     * administrator; the object id is looked up by the app id.
     */
    public void patch(ServerApi api, TestDirectory directory, String json) {
        String admin = adminGraphToken(api, directory);
        String objectId = api.get("/v1.0/applications?$filter=appId%20eq%20%27" + appId + "%27", admin)
                .requireStatus(200)
                .body()
                .at("/value/0/id")
                .asText();
        api.patchJson("/v1.0/applications/" + objectId, json, admin).requireStatus(204);
    }

    /** Assigns this service principal Reader on the directory's subscription, through ARM as the Owner. */
    public void assignReader(ServerApi api, TestDirectory directory) {
        assignRole(api, directory, servicePrincipalId, READER);
    }

    /** {@code PUT …/roleAssignments/{new guid}} with the administrator's management token. */
    public static void assignRole(ServerApi api, TestDirectory directory, String principalId, String roleId) {
        String token = api.passwordToken(
                directory.tenantId(), directory.adminUpn(), TestDirectory.PASSWORD, Clients.MANAGEMENT);
        String scope = directory.subscriptionScope();
        api.putJson(
                        scope + "/providers/Microsoft.Authorization/roleAssignments/" + UUID.randomUUID()
                                + "?api-version=2022-04-01",
                        """
                        {"properties":{"roleDefinitionId":"%s/providers/Microsoft.Authorization/roleDefinitions/%s",\
                        "principalId":"%s"}}""".formatted(scope, roleId, principalId),
                        token)
                .requireStatus(201);
    }

    private static String adminGraphToken(ServerApi api, TestDirectory directory) {
        return api.passwordToken(directory.tenantId(), directory.adminUpn(), TestDirectory.PASSWORD, Clients.GRAPH);
    }
}
