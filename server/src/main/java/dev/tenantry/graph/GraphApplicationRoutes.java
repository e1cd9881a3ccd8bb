package dev.tenantry.graph;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tenantry.directory.DirectoryError;
import dev.tenantry.directory.apps.AppRole;
import dev.tenantry.directory.apps.AppRoleService;
import dev.tenantry.directory.apps.Application;
import dev.tenantry.directory.apps.ApplicationKeyService;
import dev.tenantry.directory.apps.ApplicationService;
import dev.tenantry.directory.apps.ClientSecret;
import dev.tenantry.directory.apps.CreatedSecret;
import dev.tenantry.directory.apps.ExposedApi;
import dev.tenantry.directory.apps.ExposedApiService;
import dev.tenantry.directory.apps.GroupMembershipClaims;
import dev.tenantry.directory.apps.KeyCredential;
import dev.tenantry.directory.apps.KeyCredentialError;
import dev.tenantry.directory.apps.NewKeyCredential;
import dev.tenantry.directory.apps.RedirectUriService;
import dev.tenantry.directory.apps.RedirectUris;
import dev.tenantry.directory.apps.RequiredResourceAccess;
import dev.tenantry.shared.Ids;
import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.shared.RequestError;
import dev.tenantry.web.Authentication;
import dev.tenantry.web.BaseUrl;
import dev.tenantry.web.Gate;
import dev.tenantry.web.JsonBody;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Graph v1.0 app registrations: list, get, create, update ({@code displayName}, {@code groupMembershipClaims}),
 * delete, and {@code addPassword} (the only answer that shows a secret's text).
 *
 * @see <a href="https://learn.microsoft.com/graph/api/resources/application">Graph application resource</a>
 */
public final class GraphApplicationRoutes {

    private final ApplicationService applications;
    private final RedirectUriService redirectUris;
    private final ApplicationKeyService keys;
    private final ExposedApiService exposedApis;

    /**
     * The routes, with redirect URIs, certificates ({@code keyCredentials}, {@code addKey}, {@code removeKey}) and the
     * API the application exposes ({@code identifierUris}, {@code api}; issue 11).
     */
    public GraphApplicationRoutes(
            ApplicationService applications,
            RedirectUriService redirectUris,
            ApplicationKeyService keys,
            ExposedApiService exposedApis) {
        this.applications = applications;
        this.redirectUris = redirectUris;
        this.keys = keys;
        this.exposedApis = exposedApis;
    }

    public void register(RoutesConfig routes) {
        routes.get("/v1.0/applications", this::list, Gate.GRAPH);
        routes.post("/v1.0/applications", this::create, Gate.GRAPH);
        routes.get("/v1.0/applications/{id}", this::get, Gate.GRAPH);
        routes.patch("/v1.0/applications/{id}", this::update, Gate.GRAPH);
        routes.delete("/v1.0/applications/{id}", this::delete, Gate.GRAPH);
        routes.post("/v1.0/applications/{id}/addPassword", this::addPassword, Gate.GRAPH);
        routes.post("/v1.0/applications/{id}/removePassword", this::removePassword, Gate.GRAPH);
        if (keys != null) {
            routes.post("/v1.0/applications/{id}/addKey", this::addKey, Gate.GRAPH);
            routes.post("/v1.0/applications/{id}/removeKey", this::removeKey, Gate.GRAPH);
        }
    }

    /**
     * Applications, with {@code $filter} on {@code appId}, {@code id} ({@code eq}) and {@code displayName} ({@code eq},
     * {@code startswith}) — what the Azure CLI sends for {@code az ad app show --id} and {@code list --display-name}.
     * Any other filter or option is a 400: an ignored filter once made a client act on the wrong application.
     */
    private void list(Context ctx) {
        ODataQuery query = ODataQuery.parse(ctx.queryParamMap()).allowOnly(ODataQuery.Option.FILTER);
        var matches = GraphObjectFilters.of(query.filter(), "applications");
        List<ApplicationView> items =
                applications.listApplications(Authentication.caller(ctx), GraphResponses.tenant(ctx)).stream()
                        .filter(app -> matches.test(app.id(), app.appId(), app.displayName()))
                        .map(app -> view(ctx, app))
                        .toList();
        GraphResponses.ok(ctx, GraphResponses.collection(ctx, "applications", items, null));
    }

    private void get(Context ctx) {
        ODataQuery.parse(ctx.queryParamMap()).allowOnly();
        Application application =
                applications.getApplication(Authentication.caller(ctx), GraphResponses.tenant(ctx), objectId(ctx));
        GraphResponses.ok(ctx, view(ctx, application));
    }

    private void create(Context ctx) {
        CreateRequest body = JsonBody.read(ctx, CreateRequest.class);
        platforms(ctx);
        List<AppRole> roles = GraphAppRoleRoutes.parseAppRoles(JsonBody.read(ctx, JsonNode.class));
        if (roles != null) {
            AppRoleService.checked(roles); // refused before anything is created
        }
        List<RequiredResourceAccess> required =
                GraphAppRoleRoutes.parseRequiredResourceAccess(JsonBody.read(ctx, JsonNode.class));
        ExposedApiService.Change api = GraphExposedApi.change(JsonBody.read(ctx, JsonNode.class));
        exposedApis.check(GraphResponses.tenant(ctx), api);
        Application application = applications.createApplication(
                Authentication.caller(ctx),
                GraphResponses.tenant(ctx),
                body.displayName(),
                body.groupMembershipClaims());
        setPlatforms(ctx, application.id());
        setAppRoles(ctx, application.id(), roles);
        setRequiredResourceAccess(ctx, application.id(), required);
        exposedApis.change(Authentication.caller(ctx), GraphResponses.tenant(ctx), application.id(), api);
        ctx.header("Location", BaseUrl.of(ctx) + "/v1.0/applications/" + application.id());
        GraphResponses.write(ctx, 201, view(ctx, application));
    }

    /** Graph answers a PATCH of an application with 204 and no body. */
    private void update(Context ctx) {
        UpdateRequest body = JsonBody.read(ctx, UpdateRequest.class);
        String groupMembershipClaims = body.groupMembershipClaims();
        if (groupMembershipClaims == null && JsonBody.read(ctx, JsonNode.class).has("groupMembershipClaims")) {
            // an explicit null turns group claims off, as in Graph; a property not sent stays as it is
            groupMembershipClaims = GroupMembershipClaims.NONE.value();
        }
        applications.updateApplication(
                Authentication.caller(ctx),
                GraphResponses.tenant(ctx),
                objectId(ctx),
                body.displayName(),
                groupMembershipClaims);
        setPlatforms(ctx, objectId(ctx));
        setAppRoles(ctx, objectId(ctx), GraphAppRoleRoutes.parseAppRoles(JsonBody.read(ctx, JsonNode.class)));
        setRequiredResourceAccess(
                ctx, objectId(ctx), GraphAppRoleRoutes.parseRequiredResourceAccess(JsonBody.read(ctx, JsonNode.class)));
        exposedApis.change(
                Authentication.caller(ctx),
                GraphResponses.tenant(ctx),
                objectId(ctx),
                GraphExposedApi.change(JsonBody.read(ctx, JsonNode.class)));
        if (body.keyCredentials() != null) {
            keys.replaceKeyCredentials(
                    Authentication.caller(ctx),
                    GraphResponses.tenant(ctx),
                    objectId(ctx),
                    body.keyCredentials().stream().map(KeyInput::toNew).toList());
        }
        GraphResponses.noContent(ctx);
    }

    private void delete(Context ctx) {
        applications.deleteApplication(Authentication.caller(ctx), GraphResponses.tenant(ctx), objectId(ctx));
        GraphResponses.noContent(ctx);
    }

    private void addPassword(Context ctx) {
        PasswordCredential credential =
                JsonBody.read(ctx, AddPasswordRequest.class).credential();
        CreatedSecret created = applications.addPassword(
                Authentication.caller(ctx),
                GraphResponses.tenant(ctx),
                objectId(ctx),
                credential.displayName(),
                instant(credential.endDateTime()));
        GraphResponses.ok(ctx, PasswordView.of(created.credential(), created.secretText()));
    }

    /** Graph's removePassword: {@code {"keyId": "…"}}, 204. */
    private void removePassword(Context ctx) {
        RemovePasswordRequest body = JsonBody.read(ctx, RemovePasswordRequest.class);
        if (body.keyId() == null || body.keyId().isBlank()) {
            throw new InvalidRequestException(
                    RequestError.MISSING_FIELD,
                    "removePassword needs 'keyId', the keyId of one of the application's passwordCredentials.",
                    "keyId");
        }
        applications.removePassword(
                Authentication.caller(ctx),
                GraphResponses.tenant(ctx),
                objectId(ctx),
                Ids.parseUuid(body.keyId(), "keyId"));
        GraphResponses.noContent(ctx);
    }

    /**
     * Issue 11: {@code web}, {@code spa} and {@code publicClient} with their {@code redirectUris}; a platform not sent
     * keeps its URIs, other properties of those objects are not stored.
     */
    private void setPlatforms(Context ctx, UUID objectId) {
        Map<RedirectUris.Platform, List<String>> changes = platforms(ctx);
        if (!changes.isEmpty()) {
            redirectUris.setRedirectUris(Authentication.caller(ctx), GraphResponses.tenant(ctx), objectId, changes);
        }
        JsonNode web = JsonBody.read(ctx, JsonNode.class).get("web");
        if (web != null && web.has("logoutUrl")) {
            redirectUris.setLogoutUrl(Authentication.caller(ctx), GraphResponses.tenant(ctx), objectId, logoutUrl(web));
        }
    }

    /** Issue 11: {@code web.logoutUrl}, the front-channel logout URL, checked; null removes it. */
    private static String logoutUrl(JsonNode web) {
        JsonNode url = web.get("logoutUrl");
        if (url == null || url.isNull()) {
            return null;
        }
        if (!url.isTextual()) {
            throw new InvalidRequestException(
                    DirectoryError.INVALID_REDIRECT_URI, "web.logoutUrl must be a string or null.", "web.logoutUrl");
        }
        return RedirectUris.checkLogoutUrl(url.asText());
    }

    /** The platforms the body sends, each checked, so a bad URI refuses the request before anything is created. */
    private static Map<RedirectUris.Platform, List<String>> platforms(Context ctx) {
        JsonNode body = JsonBody.read(ctx, JsonNode.class);
        Map<RedirectUris.Platform, List<String>> changes = new EnumMap<>(RedirectUris.Platform.class);
        platform(body, "web", RedirectUris.Platform.WEB, changes);
        platform(body, "spa", RedirectUris.Platform.SPA, changes);
        platform(body, "publicClient", RedirectUris.Platform.PUBLIC_CLIENT, changes);
        changes.forEach(RedirectUris.NONE::with);
        if (body.hasNonNull("web")) {
            logoutUrl(body.get("web"));
        }
        return changes;
    }

    private static void platform(
            JsonNode body, String name, RedirectUris.Platform platform, Map<RedirectUris.Platform, List<String>> out) {
        JsonNode object = body.get(name);
        if (object == null || object.isNull() || !object.has("redirectUris")) {
            return;
        }
        JsonNode uris = object.get("redirectUris");
        if (!uris.isArray() && !uris.isNull()) {
            throw new InvalidRequestException(
                    DirectoryError.INVALID_REDIRECT_URI,
                    name + ".redirectUris must be an array of strings.",
                    name + ".redirectUris");
        }
        List<String> list = new ArrayList<>();
        for (JsonNode uri : uris.isNull() ? List.<JsonNode>of() : (Iterable<JsonNode>) uris::elements) {
            if (!uri.isTextual()) {
                throw new InvalidRequestException(
                        DirectoryError.INVALID_REDIRECT_URI,
                        name + ".redirectUris must be an array of strings.",
                        name + ".redirectUris");
            }
            list.add(uri.asText());
        }
        out.put(platform, list);
    }

    /** Issue 11: the body's {@code appRoles}, when it sends them, replace the application's. */
    private void setAppRoles(Context ctx, UUID objectId, List<AppRole> roles) {
        if (roles != null) {
            applications
                    .appRoles()
                    .setAppRoles(Authentication.caller(ctx), GraphResponses.tenant(ctx), objectId, roles);
        }
    }

    /** Issue 11: the body's {@code requiredResourceAccess}, when it sends it, replaces the application's. */
    private void setRequiredResourceAccess(Context ctx, UUID objectId, List<RequiredResourceAccess> access) {
        if (access != null) {
            applications
                    .appRoles()
                    .setRequiredResourceAccess(
                            Authentication.caller(ctx), GraphResponses.tenant(ctx), objectId, access);
        }
    }

    /** Graph's application, with its redirect URIs, its certificates, its app roles and the permissions it asks for. */
    private ApplicationView view(Context ctx, Application application) {
        RedirectUris uris =
                redirectUris.redirectUris(Authentication.caller(ctx), GraphResponses.tenant(ctx), application.id());
        String logoutUrl = redirectUris
                .logoutUrl(Authentication.caller(ctx), GraphResponses.tenant(ctx), application.id())
                .orElse(null);
        return ApplicationView.of(application, uris, logoutUrl)
                .withKeys(keys.keyCredentials(Authentication.caller(ctx), GraphResponses.tenant(ctx), application.id()))
                .withApi(exposedApis.api(Authentication.caller(ctx), GraphResponses.tenant(ctx), application.id()))
                .withAppRoles(
                        applications
                                .appRoles()
                                .appRoles(Authentication.caller(ctx), GraphResponses.tenant(ctx), application.id())
                                .stream()
                                .map(GraphAppRoleRoutes.AppRoleView::of)
                                .toList(),
                        applications
                                .appRoles()
                                .requiredResourceAccess(
                                        Authentication.caller(ctx), GraphResponses.tenant(ctx), application.id())
                                .stream()
                                .map(GraphAppRoleRoutes.RequiredAccessView::of)
                                .toList());
    }

    /** Graph's addKey: {@code {"keyCredential":{…},"passwordCredential":null,"proof":"<jwt>"}}, 200 with the key. */
    private void addKey(Context ctx) {
        AddKeyRequest body = JsonBody.read(ctx, AddKeyRequest.class);
        if (body.keyCredential() == null) {
            throw new InvalidRequestException(
                    RequestError.MISSING_FIELD,
                    "addKey needs 'keyCredential' with 'type' AsymmetricX509Cert, 'usage' Verify and 'key' (base64 of"
                            + " the certificate's DER), and 'proof'.",
                    "keyCredential");
        }
        if (body.passwordCredential() != null && !body.passwordCredential().isNull()) {
            throw new InvalidRequestException(
                    KeyCredentialError.INVALID_KEY_CREDENTIAL,
                    "addKey with a passwordCredential is not supported here: use addPassword for secrets.",
                    "passwordCredential");
        }
        KeyCredential key = keys.addKey(
                Authentication.caller(ctx),
                GraphResponses.tenant(ctx),
                objectId(ctx),
                body.keyCredential().toNew(),
                body.proof());
        GraphResponses.ok(ctx, KeyView.of(key));
    }

    /** Graph's removeKey: {@code {"keyId":"…","proof":"<jwt>"}}, 204. */
    private void removeKey(Context ctx) {
        RemoveKeyRequest body = JsonBody.read(ctx, RemoveKeyRequest.class);
        if (body.keyId() == null || body.keyId().isBlank()) {
            throw new InvalidRequestException(
                    RequestError.MISSING_FIELD,
                    "removeKey needs 'keyId', the keyId of one of the application's keyCredentials, and 'proof'.",
                    "keyId");
        }
        keys.removeKey(
                Authentication.caller(ctx),
                GraphResponses.tenant(ctx),
                objectId(ctx),
                Ids.parseUuid(body.keyId(), "keyId"),
                body.proof());
        GraphResponses.noContent(ctx);
    }

    /** Graph's addKey body. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record AddKeyRequest(KeyInput keyCredential, JsonNode passwordCredential, String proof) {}

    /** Graph's removeKey body. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record RemoveKeyRequest(String keyId, String proof) {}

    /** A keyCredential as a client sends it; {@code startDateTime}/{@code endDateTime} come from the certificate. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record KeyInput(String keyId, String key, String displayName, String type, String usage) {

        NewKeyCredential toNew() {
            return new NewKeyCredential(
                    keyId == null || keyId.isBlank() ? null : Ids.parseUuid(keyId, "keyId"),
                    key,
                    displayName,
                    type,
                    usage);
        }
    }

    /** Graph's keyCredential: {@code key} is never shown, {@code customKeyIdentifier} is the SHA-1 thumbprint. */
    record KeyView(
            String customKeyIdentifier,
            String displayName,
            String endDateTime,
            String key,
            String keyId,
            String startDateTime,
            String type,
            String usage) {

        static KeyView of(KeyCredential key) {
            return new KeyView(
                    key.thumbprintSha1(),
                    key.displayName(),
                    key.endDateTime().toString(),
                    null,
                    key.keyId().toString(),
                    key.startDateTime().toString(),
                    KeyCredential.TYPE,
                    KeyCredential.USAGE);
        }
    }

    /** Graph's removePassword body. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record RemovePasswordRequest(String keyId) {}

    private static UUID objectId(Context ctx) {
        return Ids.parseUuid(ctx.pathParam("id"), "application object id");
    }

    private static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(
                    DirectoryError.INVALID_END_DATE_TIME,
                    "endDateTime '" + text + "' is not a date-time such as 2030-01-01T00:00:00Z.");
        }
    }

    /** Graph's application resource; secrets show only their hint. */
    record ApplicationView(
            String id,
            String appId,
            String displayName,
            String createdDateTime,
            String signInAudience,
            String groupMembershipClaims,
            List<PasswordView> passwordCredentials,
            Platform web,
            Platform spa,
            Platform publicClient,
            List<KeyView> keyCredentials,
            List<String> identifierUris,
            GraphExposedApi.ApiView api,
            List<GraphAppRoleRoutes.AppRoleView> appRoles,
            List<GraphAppRoleRoutes.RequiredAccessView> requiredResourceAccess) {

        /** The same application showing {@code roles} and {@code access} (issue 11). */
        ApplicationView withAppRoles(
                List<GraphAppRoleRoutes.AppRoleView> roles, List<GraphAppRoleRoutes.RequiredAccessView> access) {
            return new ApplicationView(
                    id,
                    appId,
                    displayName,
                    createdDateTime,
                    signInAudience,
                    groupMembershipClaims,
                    passwordCredentials,
                    web,
                    spa,
                    publicClient,
                    keyCredentials,
                    identifierUris,
                    api,
                    roles,
                    access);
        }

        /** The same application showing {@code keys} as its {@code keyCredentials}. */
        ApplicationView withKeys(List<KeyCredential> keys) {
            return with(keys.stream().map(KeyView::of).toList(), identifierUris, api);
        }

        /** The same application showing what it exposes as an API (issue 11). */
        ApplicationView withApi(ExposedApi exposed) {
            return with(keyCredentials, exposed.identifierUris(), GraphExposedApi.ApiView.of(exposed));
        }

        private ApplicationView with(List<KeyView> keys, List<String> uris, GraphExposedApi.ApiView newApi) {
            return new ApplicationView(
                    id,
                    appId,
                    displayName,
                    createdDateTime,
                    signInAudience,
                    groupMembershipClaims,
                    passwordCredentials,
                    web,
                    spa,
                    publicClient,
                    keys,
                    uris,
                    newApi,
                    appRoles,
                    requiredResourceAccess);
        }

        /**
         * Graph's {@code webApplication} (with its {@code logoutUrl}, issue 11), {@code spaApplication} and
         * {@code publicClientApplication} (which have no logout URL: never shown).
         */
        record Platform(
                List<String> redirectUris,
                @JsonInclude(JsonInclude.Include.NON_NULL) String logoutUrl) {

            Platform(List<String> redirectUris) {
                this(redirectUris, null);
            }
        }

        /** The view without its redirect URIs' platforms filled in (as a directory object in a list of owned ones). */
        static ApplicationView of(Application application) {
            return of(application, RedirectUris.NONE);
        }

        static ApplicationView of(Application application, RedirectUris uris) {
            return of(application, uris, null);
        }

        /** The view with its platforms' redirect URIs and the web platform's front-channel {@code logoutUrl}. */
        static ApplicationView of(Application application, RedirectUris uris, String logoutUrl) {
            return new ApplicationView(
                    application.id().toString(),
                    application.appId().toString(),
                    application.displayName(),
                    application.createdAt().toString(),
                    "AzureADMyOrg",
                    application.groupMembershipClaims() == null
                            ? null
                            : application.groupMembershipClaims().value(),
                    application.passwordCredentials().stream()
                            .map(secret -> PasswordView.of(secret, null))
                            .toList(),
                    new Platform(uris.web(), logoutUrl),
                    new Platform(uris.spa()),
                    new Platform(uris.publicClient()),
                    List.of(),
                    List.of(),
                    GraphExposedApi.ApiView.of(ExposedApi.NONE),
                    List.of(),
                    List.of());
        }
    }

    /** Graph's passwordCredential; {@code secretText} is set only in the answer to {@code addPassword}. */
    record PasswordView(
            String customKeyIdentifier,
            String displayName,
            String endDateTime,
            String hint,
            String keyId,
            String secretText,
            String startDateTime) {

        static PasswordView of(ClientSecret secret, String secretText) {
            return new PasswordView(
                    null,
                    secret.displayName(),
                    secret.endDateTime().toString(),
                    secret.hint(),
                    secret.keyId().toString(),
                    secretText,
                    secret.startDateTime().toString());
        }
    }

    /** {@code POST /applications} body. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record CreateRequest(String displayName, String groupMembershipClaims) {}

    /** {@code PATCH /applications/{id}} body; an absent property stays as it is. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record UpdateRequest(String displayName, String groupMembershipClaims, List<KeyInput> keyCredentials) {}

    /** {@code addPassword} body: {@code {"passwordCredential":{"displayName","endDateTime"}}}, all optional. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record AddPasswordRequest(PasswordCredential passwordCredential) {

        PasswordCredential credential() {
            return passwordCredential == null ? new PasswordCredential(null, null) : passwordCredential;
        }
    }

    /** The requested credential's name and end. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record PasswordCredential(String displayName, String endDateTime) {}
}
