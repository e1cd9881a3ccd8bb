package dev.tenantry.graph;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenantry.directory.apps.ExposedApi;
import dev.tenantry.directory.apps.ExposedApiError;
import dev.tenantry.directory.apps.ExposedApiService;
import dev.tenantry.directory.apps.PermissionScope;
import dev.tenantry.shared.Ids;
import dev.tenantry.shared.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;

/**
 * Graph's wire shape of what an application exposes (issue 11): the {@code identifierUris} property and the
 * {@code api} object ({@code oauth2PermissionScopes}, {@code requestedAccessTokenVersion}) of
 * {@code POST/PATCH/GET /applications}, and {@code oauth2PermissionScopes} on the service principal.
 *
 * @see <a href="https://learn.microsoft.com/graph/api/resources/apiapplication">Graph apiApplication</a>
 */
final class GraphExposedApi {

    private GraphExposedApi() {}

    /** The change a request body asks for: only the properties it sends. */
    static ExposedApiService.Change change(JsonNode body) {
        List<String> uris = body.has("identifierUris") ? strings(body.get("identifierUris")) : null;
        JsonNode api = body.get("api");
        if (api == null || api.isNull()) {
            return new ExposedApiService.Change(uris, null, false, null);
        }
        if (!api.isObject()) {
            throw invalid("api must be an object.", "api");
        }
        List<PermissionScope> scopes =
                api.has("oauth2PermissionScopes") ? scopes(api.get("oauth2PermissionScopes")) : null;
        JsonNode version = api.get("requestedAccessTokenVersion");
        if (version != null && !version.isNull() && !version.isIntegralNumber()) {
            throw invalid("api.requestedAccessTokenVersion must be null, 1 or 2.", "api.requestedAccessTokenVersion");
        }
        return new ExposedApiService.Change(
                uris, scopes, version != null, version == null || version.isNull() ? null : version.intValue());
    }

    private static List<String> strings(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw invalid("identifierUris must be an array of strings.", "identifierUris");
        }
        List<String> list = new ArrayList<>();
        for (JsonNode item : (Iterable<JsonNode>) node::elements) {
            if (!item.isTextual()) {
                throw invalid("identifierUris must be an array of strings.", "identifierUris");
            }
            list.add(item.asText());
        }
        return list;
    }

    private static List<PermissionScope> scopes(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw invalid("api.oauth2PermissionScopes must be an array.", "api.oauth2PermissionScopes");
        }
        List<PermissionScope> scopes = new ArrayList<>();
        for (JsonNode item : (Iterable<JsonNode>) node::elements) {
            String id = text(item, "id");
            String value = text(item, "value");
            if (id == null || value == null) {
                throw invalid(
                        "Every permission scope needs an 'id' (a GUID the client chooses) and a 'value'.",
                        "api.oauth2PermissionScopes");
            }
            JsonNode enabled = item.get("isEnabled");
            scopes.add(new PermissionScope(
                    Ids.parseUuid(id, "api.oauth2PermissionScopes.id"),
                    value,
                    text(item, "type") == null ? PermissionScope.USER : text(item, "type"),
                    text(item, "adminConsentDisplayName"),
                    text(item, "adminConsentDescription"),
                    text(item, "userConsentDisplayName"),
                    text(item, "userConsentDescription"),
                    enabled == null || enabled.isNull() || enabled.asBoolean()));
        }
        return scopes;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static InvalidRequestException invalid(String message, String field) {
        return new InvalidRequestException(ExposedApiError.MALFORMED_API, message, field);
    }

    /** Graph's {@code apiApplication}; the properties this server does not keep show their defaults. */
    record ApiView(
            Boolean acceptMappedClaims,
            List<String> knownClientApplications,
            List<ScopeView> oauth2PermissionScopes,
            List<Object> preAuthorizedApplications,
            Integer requestedAccessTokenVersion) {

        static ApiView of(ExposedApi api) {
            return new ApiView(null, List.of(), scopes(api), List.of(), api.requestedAccessTokenVersion());
        }
    }

    /** Graph's {@code permissionScope}. */
    record ScopeView(
            String adminConsentDescription,
            String adminConsentDisplayName,
            String id,
            boolean isEnabled,
            String type,
            String userConsentDescription,
            String userConsentDisplayName,
            String value) {

        static ScopeView of(PermissionScope scope) {
            return new ScopeView(
                    scope.adminConsentDescription(),
                    scope.adminConsentDisplayName(),
                    scope.id().toString(),
                    scope.enabled(),
                    scope.type(),
                    scope.userConsentDescription(),
                    scope.userConsentDisplayName(),
                    scope.value());
        }
    }

    static List<ScopeView> scopes(ExposedApi api) {
        return api.scopes().stream().map(ScopeView::of).toList();
    }
}
