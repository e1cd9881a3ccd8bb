package dev.tenantry.directory.storage;

import dev.tenantry.directory.apps.ExposedApi;
import dev.tenantry.directory.apps.ExposedApiError;
import dev.tenantry.directory.apps.PermissionScope;
import dev.tenantry.shared.ConflictException;
import dev.tenantry.shared.TenantId;
import dev.tenantry.storage.SqlStates;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * The exposed APIs of app registrations (issue 11) in tables {@code application_api},
 * {@code application_identifier_uri} and {@code application_permission_scope}; {@link JdbiApplicationRepository}
 * delegates to it.
 */
final class JdbiExposedApis {

    private final Jdbi jdbi;

    JdbiExposedApis(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    ExposedApi find(UUID applicationId) {
        return jdbi.withHandle(handle -> {
            List<String> uris = handle.createQuery("SELECT uri FROM application_identifier_uri"
                            + " WHERE application_id = :id ORDER BY position")
                    .bind("id", applicationId)
                    .mapTo(String.class)
                    .list();
            List<PermissionScope> scopes = handle.createQuery("SELECT id, scope_value, scope_type,"
                            + " admin_consent_display_name, admin_consent_description, user_consent_display_name,"
                            + " user_consent_description, is_enabled FROM application_permission_scope"
                            + " WHERE application_id = :id ORDER BY position")
                    .bind("id", applicationId)
                    .map((rs, ctx) -> new PermissionScope(
                            rs.getObject("id", UUID.class),
                            rs.getString("scope_value"),
                            rs.getString("scope_type"),
                            rs.getString("admin_consent_display_name"),
                            rs.getString("admin_consent_description"),
                            rs.getString("user_consent_display_name"),
                            rs.getString("user_consent_description"),
                            rs.getBoolean("is_enabled")))
                    .list();
            // a list, as the one row's value may be null (Jdbi's findOne refuses a null row)
            List<Integer> version = handle.createQuery("SELECT requested_access_token_version FROM application_api"
                            + " WHERE application_id = :id")
                    .bind("id", applicationId)
                    .map((rs, ctx) -> rs.getObject("requested_access_token_version", Integer.class))
                    .list();
            return new ExposedApi(uris, scopes, version.isEmpty() ? null : version.get(0));
        });
    }

    void replace(TenantId tenantId, UUID applicationId, ExposedApi api) {
        try {
            jdbi.useTransaction(handle -> {
                for (String table :
                        List.of("application_api", "application_identifier_uri", "application_permission_scope")) {
                    handle.createUpdate("DELETE FROM " + table + " WHERE application_id = :id")
                            .bind("id", applicationId)
                            .execute();
                }
                handle.createUpdate("INSERT INTO application_api (application_id, requested_access_token_version)"
                                + " VALUES (:id, :version)")
                        .bind("id", applicationId)
                        .bind("version", api.requestedAccessTokenVersion())
                        .execute();
                List<String> uris = api.identifierUris();
                for (int i = 0; i < uris.size(); i++) {
                    handle.createUpdate("INSERT INTO application_identifier_uri (application_id, tenant_id, position,"
                                    + " uri, uri_key) VALUES (:id, :tenantId, :position, :uri, :key)")
                            .bind("id", applicationId)
                            .bind("tenantId", tenantId.value())
                            .bind("position", i)
                            .bind("uri", uris.get(i))
                            .bind("key", uris.get(i).toLowerCase(Locale.ROOT))
                            .execute();
                }
                List<PermissionScope> scopes = api.scopes();
                for (int i = 0; i < scopes.size(); i++) {
                    PermissionScope scope = scopes.get(i);
                    handle.createUpdate("INSERT INTO application_permission_scope (application_id, id, position,"
                                    + " scope_value, scope_type, admin_consent_display_name, admin_consent_description,"
                                    + " user_consent_display_name, user_consent_description, is_enabled) VALUES (:app,"
                                    + " :id, :position, :value, :type, :adminName, :adminDescription, :userName,"
                                    + " :userDescription, :enabled)")
                            .bind("app", applicationId)
                            .bind("id", scope.id())
                            .bind("position", i)
                            .bind("value", scope.value())
                            .bind("type", scope.type())
                            .bind("adminName", scope.adminConsentDisplayName())
                            .bind("adminDescription", scope.adminConsentDescription())
                            .bind("userName", scope.userConsentDisplayName())
                            .bind("userDescription", scope.userConsentDescription())
                            .bind("enabled", scope.enabled())
                            .execute();
                }
            });
        } catch (UnableToExecuteStatementException e) {
            if (SqlStates.isUniqueViolation(e)) {
                throw new ConflictException(
                        ExposedApiError.IDENTIFIER_URI_CONFLICT,
                        "Another object with the same value for property identifierUris already exists.");
            }
            throw e;
        }
    }

    Optional<UUID> applicationWithUri(TenantId tenantId, String uri) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT application_id FROM application_identifier_uri"
                        + " WHERE tenant_id = :tenantId AND uri_key = :key")
                .bind("tenantId", tenantId.value())
                .bind("key", uri.toLowerCase(Locale.ROOT))
                .mapTo(UUID.class)
                .findOne());
    }
}
