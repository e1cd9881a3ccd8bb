package dev.tenantry.directory.storage;

import dev.tenantry.directory.DirectoryError;
import dev.tenantry.directory.apps.AppObjectKind;
import dev.tenantry.directory.apps.AppRole;
import dev.tenantry.directory.apps.AppRoleAssignment;
import dev.tenantry.directory.apps.Application;
import dev.tenantry.directory.apps.ApplicationRepository;
import dev.tenantry.directory.apps.ClientSecret;
import dev.tenantry.directory.apps.ExposedApi;
import dev.tenantry.directory.apps.GroupMembershipClaims;
import dev.tenantry.directory.apps.OwnerRef;
import dev.tenantry.directory.apps.PermissionGrant;
import dev.tenantry.directory.apps.RedirectUris;
import dev.tenantry.directory.apps.RequiredResourceAccess;
import dev.tenantry.directory.apps.ServicePrincipal;
import dev.tenantry.directory.apps.ServicePrincipalType;
import dev.tenantry.directory.apps.StoredSecret;
import dev.tenantry.shared.ConflictException;
import dev.tenantry.shared.TenantId;
import dev.tenantry.storage.SqlStates;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** App registrations, secrets, service principals and app role assignments in SQL. */
public final class JdbiApplicationRepository implements ApplicationRepository {

    private static final String APP_COLUMNS =
            "id, tenant_id, app_id, display_name, created_at, group_membership_claims";
    private static final String SP_COLUMNS =
            "id, tenant_id, app_id, display_name, created_at, service_principal_type, managed_identity_resource_id";
    private static final String SECRET_COLUMNS = "key_id, display_name, hint, secret_hash, start_at, end_at";
    private static final String ASSIGNMENT_COLUMNS =
            "id, tenant_id, principal_id, resource_id, app_role_id, created_at";

    private static final String INSERT_APP = """
            INSERT INTO application (id, tenant_id, app_id, display_name, created_at, group_membership_claims)
            VALUES (:id, :tenantId, :appId, :displayName, :createdAt, :groupMembershipClaims)
            """;
    private static final String INSERT_SECRET = """
            INSERT INTO application_secret (key_id, application_id, display_name, hint, secret_hash, start_at, end_at)
            VALUES (:keyId, :applicationId, :displayName, :hint, :secretHash, :startAt, :endAt)
            """;
    private static final String INSERT_SP = """
            INSERT INTO service_principal (id, tenant_id, app_id, display_name, created_at, service_principal_type,
                managed_identity_resource_id)
            VALUES (:id, :tenantId, :appId, :displayName, :createdAt, :type, :resourceId)
            """;
    private static final String INSERT_ASSIGNMENT = """
            INSERT INTO app_role_assignment (id, tenant_id, principal_id, resource_id, app_role_id, created_at)
            VALUES (:id, :tenantId, :principalId, :resourceId, :appRoleId, :createdAt)
            """;

    private final Jdbi jdbi;

    public JdbiApplicationRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void insert(Application application) {
        jdbi.useHandle(handle -> handle.createUpdate(INSERT_APP)
                .bind("id", application.id())
                .bind("tenantId", application.tenantId().value())
                .bind("appId", application.appId())
                .bind("displayName", application.displayName())
                .bind("createdAt", application.createdAt())
                .bind("groupMembershipClaims", claims(application))
                .execute());
    }

    @Override
    public boolean update(Application application) {
        return jdbi.withHandle(handle -> handle.createUpdate("UPDATE application SET display_name = :displayName,"
                                + " group_membership_claims = :groupMembershipClaims"
                                + " WHERE tenant_id = :tenantId AND id = :id")
                        .bind("displayName", application.displayName())
                        .bind("groupMembershipClaims", claims(application))
                        .bind("tenantId", application.tenantId().value())
                        .bind("id", application.id())
                        .execute()
                > 0);
    }

    @Override
    public Optional<Application> findById(TenantId tenantId, UUID id) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT " + APP_COLUMNS + " FROM application WHERE tenant_id = :tenantId AND id = :id")
                .bind("tenantId", tenantId.value())
                .bind("id", id)
                .map((rs, ctx) -> toApplication(handle, rs, ctx))
                .findOne());
    }

    @Override
    public Optional<Application> findByAppId(UUID appId) {
        return jdbi.withHandle(
                handle -> handle.createQuery("SELECT " + APP_COLUMNS + " FROM application WHERE app_id = :appId")
                        .bind("appId", appId)
                        .map((rs, ctx) -> toApplication(handle, rs, ctx))
                        .findOne());
    }

    @Override
    public List<Application> list(TenantId tenantId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + APP_COLUMNS
                        + " FROM application WHERE tenant_id = :tenantId ORDER BY created_at, id")
                .bind("tenantId", tenantId.value())
                .map((rs, ctx) -> toApplication(handle, rs, ctx))
                .list());
    }

    @Override
    public boolean delete(TenantId tenantId, UUID id) {
        return jdbi.inTransaction(handle -> {
            Optional<UUID> appId = handle.createQuery(
                            "SELECT app_id FROM application WHERE tenant_id = :tenantId AND id = :id")
                    .bind("tenantId", tenantId.value())
                    .bind("id", id)
                    .mapTo(UUID.class)
                    .findOne();
            if (appId.isEmpty()) {
                return false;
            }
            handle.createUpdate("DELETE FROM app_role_assignment WHERE tenant_id = :tenantId AND principal_id IN"
                            + " (SELECT id FROM service_principal WHERE tenant_id = :tenantId AND app_id = :appId)")
                    .bind("tenantId", tenantId.value())
                    .bind("appId", appId.get())
                    .execute();
            handle.createUpdate("DELETE FROM service_principal WHERE tenant_id = :tenantId AND app_id = :appId")
                    .bind("tenantId", tenantId.value())
                    .bind("appId", appId.get())
                    .execute();
            handle.createUpdate("DELETE FROM application WHERE id = :id")
                    .bind("id", id)
                    .execute();
            return true;
        });
    }

    @Override
    public void insertSecret(UUID applicationId, StoredSecret secret) {
        ClientSecret credential = secret.credential();
        jdbi.useHandle(handle -> handle.createUpdate(INSERT_SECRET)
                .bind("keyId", credential.keyId())
                .bind("applicationId", applicationId)
                .bind("displayName", credential.displayName())
                .bind("hint", credential.hint())
                .bind("secretHash", secret.secretHash())
                .bind("startAt", credential.startDateTime())
                .bind("endAt", credential.endDateTime())
                .execute());
    }

    @Override
    public List<StoredSecret> secrets(UUID applicationId) {
        return jdbi.withHandle(handle -> secrets(handle, applicationId));
    }

    @Override
    public boolean deleteSecret(UUID applicationId, UUID keyId) {
        return jdbi.withHandle(handle -> handle.createUpdate(
                                "DELETE FROM application_secret WHERE application_id = :applicationId AND key_id = :keyId")
                        .bind("applicationId", applicationId)
                        .bind("keyId", keyId)
                        .execute())
                > 0;
    }

    @Override
    public boolean deleteServicePrincipal(TenantId tenantId, UUID id) {
        // the assignments of its roles go with it (ON DELETE CASCADE); those it holds are deleted here, since a
        // principal may also be a user or a group (V27)
        return jdbi.inTransaction(handle -> {
            handle.createUpdate("DELETE FROM app_role_assignment WHERE tenant_id = :tenantId AND principal_id = :id")
                    .bind("tenantId", tenantId.value())
                    .bind("id", id)
                    .execute();
            return handle.createUpdate("DELETE FROM service_principal WHERE tenant_id = :tenantId AND id = :id")
                            .bind("tenantId", tenantId.value())
                            .bind("id", id)
                            .execute()
                    > 0;
        });
    }

    @Override
    public void insertServicePrincipal(ServicePrincipal servicePrincipal) {
        try {
            jdbi.useHandle(handle -> handle.createUpdate(INSERT_SP)
                    .bind("id", servicePrincipal.id())
                    .bind("tenantId", servicePrincipal.tenantId().value())
                    .bind("appId", servicePrincipal.appId())
                    .bind("displayName", servicePrincipal.displayName())
                    .bind("createdAt", servicePrincipal.createdAt())
                    .bind("type", servicePrincipal.type().graphName())
                    .bind("resourceId", servicePrincipal.managedIdentityResourceId())
                    .execute());
        } catch (UnableToExecuteStatementException e) {
            if (SqlStates.isUniqueViolation(e)) {
                throw new ConflictException(
                        DirectoryError.SERVICE_PRINCIPAL_EXISTS,
                        "The application '" + servicePrincipal.appId() + "' already has a service principal here.");
            }
            throw e;
        }
    }

    @Override
    public Optional<ServicePrincipal> findServicePrincipal(TenantId tenantId, UUID id) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT " + SP_COLUMNS + " FROM service_principal WHERE tenant_id = :tenantId AND id = :id")
                .bind("tenantId", tenantId.value())
                .bind("id", id)
                .map(JdbiApplicationRepository::toServicePrincipal)
                .findOne());
    }

    @Override
    public Optional<ServicePrincipal> findServicePrincipalByAppId(TenantId tenantId, UUID appId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + SP_COLUMNS
                        + " FROM service_principal WHERE tenant_id = :tenantId AND app_id = :appId")
                .bind("tenantId", tenantId.value())
                .bind("appId", appId)
                .map(JdbiApplicationRepository::toServicePrincipal)
                .findOne());
    }

    @Override
    public List<ServicePrincipal> listServicePrincipals(TenantId tenantId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + SP_COLUMNS
                        + " FROM service_principal WHERE tenant_id = :tenantId ORDER BY created_at, id")
                .bind("tenantId", tenantId.value())
                .map(JdbiApplicationRepository::toServicePrincipal)
                .list());
    }

    @Override
    public void insertAssignment(AppRoleAssignment assignment) {
        try {
            jdbi.useHandle(handle -> handle.createUpdate(INSERT_ASSIGNMENT)
                    .bind("id", assignment.id())
                    .bind("tenantId", assignment.tenantId().value())
                    .bind("principalId", assignment.principalId())
                    .bind("resourceId", assignment.resourceId())
                    .bind("appRoleId", assignment.appRoleId())
                    .bind("createdAt", assignment.createdAt())
                    .execute());
        } catch (UnableToExecuteStatementException e) {
            if (SqlStates.isUniqueViolation(e)) {
                throw new ConflictException(
                        DirectoryError.APP_ROLE_ALREADY_GRANTED,
                        "This permission is already granted to the service principal.");
            }
            throw e;
        }
    }

    @Override
    public List<AppRoleAssignment> assignmentsOf(TenantId tenantId, UUID principalId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + ASSIGNMENT_COLUMNS
                        + " FROM app_role_assignment WHERE tenant_id = :tenantId AND principal_id = :principalId"
                        + " ORDER BY created_at, id")
                .bind("tenantId", tenantId.value())
                .bind("principalId", principalId)
                .map(JdbiApplicationRepository::toAssignment)
                .list());
    }

    @Override
    public boolean deleteAssignment(TenantId tenantId, UUID principalId, UUID assignmentId) {
        return jdbi.withHandle(handle -> handle.createUpdate("DELETE FROM app_role_assignment"
                                + " WHERE tenant_id = :tenantId AND principal_id = :principalId AND id = :id")
                        .bind("tenantId", tenantId.value())
                        .bind("principalId", principalId)
                        .bind("id", assignmentId)
                        .execute()
                > 0);
    }

    @Override
    public boolean addOwner(TenantId tenantId, AppObjectKind kind, UUID objectId, OwnerRef owner, Instant at) {
        String table = ownerTable(kind);
        String object = ownedColumn(kind);
        // NOT EXISTS keeps a repeated add from failing the transaction (PostgreSQL aborts it on an error)
        String ownerColumn = owner.kind() == OwnerRef.Kind.USER ? "owner_user_id" : "owner_service_principal_id";
        String sql = "INSERT INTO " + table + " (tenant_id, " + object + ", " + ownerColumn + ", added_at)"
                + " SELECT :tenantId, :objectId, :ownerId, :at WHERE NOT EXISTS (SELECT 1 FROM " + table
                + " WHERE " + object + " = :objectId"
                + " AND (owner_user_id = :ownerId OR owner_service_principal_id = :ownerId))";
        try {
            return jdbi.withHandle(handle -> handle.createUpdate(sql)
                            .bind("tenantId", tenantId.value())
                            .bind("objectId", objectId)
                            .bind("ownerId", owner.id())
                            .bind("at", at)
                            .execute())
                    > 0;
        } catch (UnableToExecuteStatementException e) {
            if (SqlStates.isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public boolean removeOwner(TenantId tenantId, AppObjectKind kind, UUID objectId, UUID ownerId) {
        return jdbi.withHandle(handle -> handle.createUpdate("DELETE FROM " + ownerTable(kind)
                                + " WHERE tenant_id = :tenantId AND " + ownedColumn(kind) + " = :objectId"
                                + " AND (owner_user_id = :ownerId OR owner_service_principal_id = :ownerId)")
                        .bind("tenantId", tenantId.value())
                        .bind("objectId", objectId)
                        .bind("ownerId", ownerId)
                        .execute())
                > 0;
    }

    @Override
    public List<OwnerRef> owners(TenantId tenantId, AppObjectKind kind, UUID objectId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT owner_user_id, owner_service_principal_id FROM "
                        + ownerTable(kind) + " WHERE tenant_id = :tenantId AND " + ownedColumn(kind) + " = :objectId"
                        + " ORDER BY COALESCE(owner_user_id, owner_service_principal_id)")
                .bind("tenantId", tenantId.value())
                .bind("objectId", objectId)
                .map((rs, ctx) -> {
                    UUID user = rs.getObject("owner_user_id", UUID.class);
                    return user != null
                            ? new OwnerRef(user, OwnerRef.Kind.USER)
                            : new OwnerRef(
                                    rs.getObject("owner_service_principal_id", UUID.class),
                                    OwnerRef.Kind.SERVICE_PRINCIPAL);
                })
                .list());
    }

    @Override
    public List<Application> applicationsOwnedBy(TenantId tenantId, UUID ownerId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + APP_COLUMNS
                        + " FROM application WHERE tenant_id = :tenantId AND id IN (SELECT application_id FROM"
                        + " application_owner WHERE owner_user_id = :ownerId OR owner_service_principal_id = :ownerId)"
                        + " ORDER BY id")
                .bind("tenantId", tenantId.value())
                .bind("ownerId", ownerId)
                .map((rs, ctx) -> toApplication(handle, rs, ctx))
                .list());
    }

    @Override
    public List<ServicePrincipal> servicePrincipalsOwnedBy(TenantId tenantId, UUID ownerId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + SP_COLUMNS
                        + " FROM service_principal WHERE tenant_id = :tenantId AND id IN (SELECT service_principal_id"
                        + " FROM service_principal_owner WHERE owner_user_id = :ownerId"
                        + " OR owner_service_principal_id = :ownerId) ORDER BY id")
                .bind("tenantId", tenantId.value())
                .bind("ownerId", ownerId)
                .map(JdbiApplicationRepository::toServicePrincipal)
                .list());
    }

    private static String ownerTable(AppObjectKind kind) {
        return switch (kind) {
            case APPLICATION -> "application_owner";
            case SERVICE_PRINCIPAL -> "service_principal_owner";
        };
    }

    private static String ownedColumn(AppObjectKind kind) {
        return switch (kind) {
            case APPLICATION -> "application_id";
            case SERVICE_PRINCIPAL -> "service_principal_id";
        };
    }

    private static List<StoredSecret> secrets(Handle handle, UUID applicationId) {
        return handle.createQuery("SELECT " + SECRET_COLUMNS
                        + " FROM application_secret WHERE application_id = :applicationId ORDER BY start_at, key_id")
                .bind("applicationId", applicationId)
                .map((rs, ctx) -> new StoredSecret(
                        new ClientSecret(
                                rs.getObject("key_id", UUID.class),
                                rs.getString("display_name"),
                                rs.getString("hint"),
                                instant(rs, "start_at", ctx),
                                instant(rs, "end_at", ctx)),
                        rs.getString("secret_hash")))
                .list();
    }

    private static Application toApplication(Handle handle, ResultSet rs, StatementContext ctx) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        return new Application(
                id,
                new TenantId(rs.getObject("tenant_id", UUID.class)),
                rs.getObject("app_id", UUID.class),
                rs.getString("display_name"),
                instant(rs, "created_at", ctx),
                secrets(handle, id).stream().map(StoredSecret::credential).toList(),
                GroupMembershipClaims.of(rs.getString("group_membership_claims"))
                        .orElse(null));
    }

    private static String claims(Application application) {
        GroupMembershipClaims claims = application.groupMembershipClaims();
        return claims == null ? null : claims.value();
    }

    private static final String GRANT_COLUMNS =
            "id, tenant_id, client_id, consent_type, principal_id, resource_id, scope, created_at";

    @Override
    public RedirectUris redirectUris(UUID applicationId) {
        EnumMap<RedirectUris.Platform, List<String>> byPlatform = new EnumMap<>(RedirectUris.Platform.class);
        jdbi.useHandle(handle -> handle.createQuery("SELECT platform, uri FROM application_redirect_uri "
                        + "WHERE application_id = :id ORDER BY platform, position")
                .bind("id", applicationId)
                .map((rs, ctx) -> new String[] {rs.getString("platform"), rs.getString("uri")})
                .forEach(row -> byPlatform
                        .computeIfAbsent(RedirectUris.Platform.valueOf(row[0]), p -> new ArrayList<>())
                        .add(row[1])));
        return new RedirectUris(
                byPlatform.get(RedirectUris.Platform.WEB),
                byPlatform.get(RedirectUris.Platform.SPA),
                byPlatform.get(RedirectUris.Platform.PUBLIC_CLIENT));
    }

    @Override
    public void replaceRedirectUris(UUID applicationId, RedirectUris uris) {
        jdbi.useTransaction(handle -> {
            handle.createUpdate("DELETE FROM application_redirect_uri WHERE application_id = :id")
                    .bind("id", applicationId)
                    .execute();
            for (RedirectUris.Platform platform : RedirectUris.Platform.values()) {
                List<String> list = uris.of(platform);
                for (int i = 0; i < list.size(); i++) {
                    handle.createUpdate("INSERT INTO application_redirect_uri (application_id, platform, position, uri)"
                                    + " VALUES (:id, :platform, :position, :uri)")
                            .bind("id", applicationId)
                            .bind("platform", platform.name())
                            .bind("position", i)
                            .bind("uri", list.get(i))
                            .execute();
                }
            }
        });
    }

    @Override
    public Optional<String> findLogoutUrl(UUID applicationId) {
        return jdbi.withHandle(
                handle -> handle.createQuery("SELECT url FROM application_logout_url WHERE application_id = :id")
                        .bind("id", applicationId)
                        .mapTo(String.class)
                        .findOne());
    }

    @Override
    public void replaceLogoutUrl(UUID applicationId, String url) {
        jdbi.useTransaction(handle -> {
            handle.createUpdate("DELETE FROM application_logout_url WHERE application_id = :id")
                    .bind("id", applicationId)
                    .execute();
            if (url != null) {
                handle.createUpdate("INSERT INTO application_logout_url (application_id, url) VALUES (:id, :url)")
                        .bind("id", applicationId)
                        .bind("url", url)
                        .execute();
            }
        });
    }

    @Override
    public void insertPermissionGrant(PermissionGrant grant) {
        jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO oauth2_permission_grant (" + GRANT_COLUMNS
                        + ") VALUES (:id, :tenantId, :clientId, :consentType, :principalId, :resourceId, :scope, "
                        + ":createdAt)")
                .bind("id", grant.id())
                .bind("tenantId", grant.tenantId().value())
                .bind("clientId", grant.clientId())
                .bind("consentType", grant.consentType())
                .bind("principalId", grant.principalId())
                .bind("resourceId", grant.resourceId())
                .bind("scope", grant.scope())
                .bind("createdAt", grant.createdAt())
                .execute());
    }

    @Override
    public List<PermissionGrant> permissionGrants(TenantId tenantId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + GRANT_COLUMNS
                        + " FROM oauth2_permission_grant WHERE tenant_id = :tenantId ORDER BY created_at, id")
                .bind("tenantId", tenantId.value())
                .map(JdbiApplicationRepository::toGrant)
                .list());
    }

    @Override
    public boolean updatePermissionGrant(PermissionGrant grant) {
        return jdbi.withHandle(handle -> handle.createUpdate(
                                "UPDATE oauth2_permission_grant SET scope = :scope WHERE tenant_id = :tenantId AND id = :id")
                        .bind("scope", grant.scope())
                        .bind("tenantId", grant.tenantId().value())
                        .bind("id", grant.id())
                        .execute())
                == 1;
    }

    @Override
    public boolean deletePermissionGrant(TenantId tenantId, UUID id) {
        return jdbi.withHandle(handle -> handle.createUpdate(
                                "DELETE FROM oauth2_permission_grant WHERE tenant_id = :tenantId AND id = :id")
                        .bind("tenantId", tenantId.value())
                        .bind("id", id)
                        .execute())
                == 1;
    }

    @Override
    public List<AppRole> appRoles(UUID applicationId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT id, allowed_member_types, description,"
                        + " display_name, is_enabled, role_value FROM application_app_role"
                        + " WHERE application_id = :id ORDER BY position")
                .bind("id", applicationId)
                .map((rs, ctx) -> new AppRole(
                        rs.getObject("id", UUID.class),
                        Arrays.stream(rs.getString("allowed_member_types").split(","))
                                .map(AppRole.MemberType::valueOf)
                                .toList(),
                        rs.getString("description"),
                        rs.getString("display_name"),
                        rs.getBoolean("is_enabled"),
                        rs.getString("role_value")))
                .list());
    }

    @Override
    public void replaceAppRoles(UUID applicationId, List<AppRole> roles) {
        jdbi.useTransaction(handle -> {
            handle.createUpdate("DELETE FROM application_app_role WHERE application_id = :id")
                    .bind("id", applicationId)
                    .execute();
            for (int i = 0; i < roles.size(); i++) {
                AppRole role = roles.get(i);
                handle.createUpdate("INSERT INTO application_app_role (application_id, id, position,"
                                + " allowed_member_types, description, display_name, is_enabled, role_value)"
                                + " VALUES (:applicationId, :id, :position, :types, :description, :displayName,"
                                + " :enabled, :value)")
                        .bind("applicationId", applicationId)
                        .bind("id", role.id())
                        .bind("position", i)
                        .bind(
                                "types",
                                String.join(
                                        ",",
                                        role.allowedMemberTypes().stream()
                                                .map(Enum::name)
                                                .toList()))
                        .bind("description", role.description())
                        .bind("displayName", role.displayName())
                        .bind("enabled", role.isEnabled())
                        .bind("value", role.value())
                        .execute();
            }
        });
    }

    @Override
    public boolean appRoleAssignmentRequired(TenantId tenantId, UUID servicePrincipalId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT app_role_assignment_required FROM"
                                + " service_principal WHERE tenant_id = :tenantId AND id = :id")
                        .bind("tenantId", tenantId.value())
                        .bind("id", servicePrincipalId)
                        .mapTo(Boolean.class)
                        .findOne())
                .orElse(false);
    }

    @Override
    public boolean setAppRoleAssignmentRequired(TenantId tenantId, UUID servicePrincipalId, boolean required) {
        return jdbi.withHandle(handle -> handle.createUpdate("UPDATE service_principal SET"
                                + " app_role_assignment_required = :required WHERE tenant_id = :tenantId AND id = :id")
                        .bind("required", required)
                        .bind("tenantId", tenantId.value())
                        .bind("id", servicePrincipalId)
                        .execute())
                == 1;
    }

    @Override
    public List<AppRoleAssignment> assignmentsTo(TenantId tenantId, UUID resourceId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + ASSIGNMENT_COLUMNS
                        + " FROM app_role_assignment WHERE tenant_id = :tenantId AND resource_id = :resourceId"
                        + " ORDER BY created_at, id")
                .bind("tenantId", tenantId.value())
                .bind("resourceId", resourceId)
                .map(JdbiApplicationRepository::toAssignment)
                .list());
    }

    @Override
    public List<RequiredResourceAccess> requiredResourceAccess(UUID applicationId) {
        Map<UUID, List<RequiredResourceAccess.Access>> byResource = new LinkedHashMap<>();
        jdbi.useHandle(handle -> handle.createQuery("SELECT resource_app_id, access_id, access_type FROM"
                        + " application_required_access WHERE application_id = :id ORDER BY position")
                .bind("id", applicationId)
                .map((rs, ctx) -> new Object[] {
                    rs.getObject("resource_app_id", UUID.class),
                    rs.getObject("access_id", UUID.class),
                    rs.getString("access_type")
                })
                .forEach(row -> {
                    List<RequiredResourceAccess.Access> list =
                            byResource.computeIfAbsent((UUID) row[0], r -> new ArrayList<>());
                    if (row[1] != null) {
                        list.add(new RequiredResourceAccess.Access(
                                (UUID) row[1], RequiredResourceAccess.Type.valueOf((String) row[2])));
                    }
                }));
        List<RequiredResourceAccess> out = new ArrayList<>();
        byResource.forEach((resource, access) -> out.add(new RequiredResourceAccess(resource, access)));
        return out;
    }

    @Override
    public void replaceRequiredResourceAccess(UUID applicationId, List<RequiredResourceAccess> access) {
        jdbi.useTransaction(handle -> {
            handle.createUpdate("DELETE FROM application_required_access WHERE application_id = :id")
                    .bind("id", applicationId)
                    .execute();
            int position = 0;
            for (RequiredResourceAccess resource : access) {
                // a resource asked for with no permission keeps one row without an access id
                List<RequiredResourceAccess.Access> rows = new ArrayList<>(resource.resourceAccess());
                if (rows.isEmpty()) {
                    rows.add(null);
                }
                for (RequiredResourceAccess.Access row : rows) {
                    handle.createUpdate("INSERT INTO application_required_access (application_id, position,"
                                    + " resource_app_id, access_id, access_type) VALUES (:id, :position, :resource,"
                                    + " :accessId, :type)")
                            .bind("id", applicationId)
                            .bind("position", position++)
                            .bind("resource", resource.resourceAppId())
                            .bindByType("accessId", row == null ? null : row.id(), UUID.class)
                            .bindByType("type", row == null ? null : row.type().name(), String.class)
                            .execute();
                }
            }
        });
    }

    private static PermissionGrant toGrant(ResultSet rs, StatementContext ctx) throws SQLException {
        return new PermissionGrant(
                rs.getObject("id", UUID.class),
                new TenantId(rs.getObject("tenant_id", UUID.class)),
                rs.getObject("client_id", UUID.class),
                rs.getString("consent_type"),
                rs.getObject("principal_id", UUID.class),
                rs.getObject("resource_id", UUID.class),
                rs.getString("scope"),
                instant(rs, "created_at", ctx));
    }

    private static ServicePrincipal toServicePrincipal(ResultSet rs, StatementContext ctx) throws SQLException {
        return new ServicePrincipal(
                rs.getObject("id", UUID.class),
                new TenantId(rs.getObject("tenant_id", UUID.class)),
                rs.getObject("app_id", UUID.class),
                rs.getString("display_name"),
                instant(rs, "created_at", ctx),
                ServicePrincipalType.ofGraphName(rs.getString("service_principal_type")),
                rs.getString("managed_identity_resource_id"));
    }

    private static AppRoleAssignment toAssignment(ResultSet rs, StatementContext ctx) throws SQLException {
        return new AppRoleAssignment(
                rs.getObject("id", UUID.class),
                new TenantId(rs.getObject("tenant_id", UUID.class)),
                rs.getObject("principal_id", UUID.class),
                rs.getObject("resource_id", UUID.class),
                rs.getObject("app_role_id", UUID.class),
                instant(rs, "created_at", ctx));
    }

    private static Instant instant(ResultSet rs, String column, StatementContext ctx) throws SQLException {
        return ctx.findColumnMapperFor(Instant.class).orElseThrow().map(rs, column, ctx);
    }

    @Override
    public ExposedApi findApi(UUID applicationId) {
        return new JdbiExposedApis(jdbi).find(applicationId);
    }

    @Override
    public void replaceApi(TenantId tenantId, UUID applicationId, ExposedApi api) {
        new JdbiExposedApis(jdbi).replace(tenantId, applicationId, api);
    }

    @Override
    public Optional<Application> findByIdentifierUri(TenantId tenantId, String uri) {
        return new JdbiExposedApis(jdbi).applicationWithUri(tenantId, uri).flatMap(id -> findById(tenantId, id));
    }
}
