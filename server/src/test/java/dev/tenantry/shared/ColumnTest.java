package dev.tenantry.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Holds {@link Column} to the migrations: same sizes, and every text column either in it or written by the server. */
class ColumnTest {

    /** Text columns whose values the server makes (ids, hashes, codes from fixed lists), each with why it is safe. */
    private static final Map<String, String> SERVER_WRITTEN = Map.ofEntries(
            Map.entry("tenant.country_code", "Countries: a two-letter ISO code"),
            Map.entry("support_ticket.ticket_number", "generated digits"),
            Map.entry("support_ticket.severity", "SupportTicket.Severity enum"),
            Map.entry("support_ticket.status", "SupportTicket.Status enum"),
            Map.entry("support_ticket.contact_method", "SupportTicket.ContactMethod enum"),
            Map.entry("support_ticket.country", "two or three letters, checked"),
            Map.entry("tenant.initial_domain", "a prefix of at most 27 [a-z0-9-] plus the configured suffix"),
            Map.entry("directory_user.upn_key", "the UPN lower-cased: ASCII alias and the initial domain"),
            Map.entry("directory_user.usage_location", "Countries: a two-letter ISO code"),
            Map.entry("directory_user.user_type", "UserType enum"),
            Map.entry("directory_user.password_hash", "Argon2id encoding"),
            Map.entry("application.group_membership_claims", "GroupMembershipClaims enum value"),
            Map.entry("application_secret.hint", "first three characters of a generated secret"),
            Map.entry("application_secret.secret_hash", "SHA-256 hex"),
            Map.entry("application_key_credential.thumbprint_sha1", "SHA-1 hex of a parsed certificate"),
            Map.entry("application_federated_credential.issuer_subject_key", "SHA-256 hex of issuer and subject"),
            Map.entry("application_key_credential.thumbprint_sha256", "SHA-256 hex of a parsed certificate"),
            Map.entry("client_assertion_jti.jti_hash", "SHA-256 hex"),
            Map.entry("device_code.device_code_hash", "SHA-256 hex"),
            Map.entry("device_code.user_code", "generated: eight letters"),
            Map.entry("device_code.scope", "checked as refresh_family.scope (same size) by the token form"),
            Map.entry("device_code.state", "DeviceCode.State enum"),
            Map.entry("service_principal.display_name", "copied from application.display_name (same size)"),
            Map.entry("cloud_subscription.offer_id", "an offer id of the catalog"),
            Map.entry("cloud_subscription.state", "CloudSubscription.State enum"),
            Map.entry("classic_administrator.role", "ClassicRole enum"),
            Map.entry("billing_ownership_transfer.state", "BillingTransfer.State enum"),
            Map.entry("suite_subscription.sku_part_number", "a SKU of the catalog"),
            Map.entry("suite_subscription.state", "SuiteSubscription state enum"),
            Map.entry("billing_profile.country_code", "an ISO country code, checked"),
            Map.entry("billing_profile.card_brand", "one of four brand names"),
            Map.entry("billing_profile.card_last4", "four digits"),
            Map.entry(
                    "role_assignment.scope", "/subscriptions/{guid}, or + /resourceGroups/{a stored group name (90)}"),
            Map.entry("role_assignment.principal_type", "PrincipalType enum"),
            Map.entry("signing_key.kid", "RFC 7638 thumbprint"),
            Map.entry("signing_key.private_der", "generated key"),
            Map.entry("signing_key.public_der", "generated key"),
            Map.entry("refresh_family.token_hash", "SHA-256 hex"),
            Map.entry("refresh_token_legacy.token_hash", "SHA-256 hex"),
            Map.entry("application_redirect_uri.platform", "RedirectUris.Platform enum"),
            Map.entry("application_permission_scope.scope_type", "PermissionScope type: User or Admin"),
            Map.entry("authorization_code.code_hash", "SHA-256 hex"),
            Map.entry("authorization_code.redirect_uri", "a registered redirect URI (application_redirect_uri.uri)"),
            Map.entry("authorization_code.scope", "checked against refresh_family.scope's limit"),
            Map.entry("authorization_code.scp", "consented scope names, shorter than the scope asked for"),
            Map.entry("authorization_code.code_challenge", "a checked 43-128 character PKCE challenge"),
            Map.entry("authorization_code.sid", "SessionService.sid: a GUID"),
            Map.entry("refresh_family.sid", "SessionService.sid: a GUID, from the code or device authorization"),
            Map.entry("device_code.sid", "SessionService.sid: a GUID"),
            Map.entry("oauth2_permission_grant.consent_type", "PermissionGrant consent type constant"),
            Map.entry("oauth2_permission_grant.scope", "known delegated permission names only"),
            Map.entry("idempotency_record.caller_key", "Caller.key(): a kind and a GUID"),
            Map.entry("idempotency_record.route", "a constant route name"),
            Map.entry("idempotency_record.request_hash", "SHA-256 hex"),
            Map.entry("idempotency_record.location", "a path the server built from a created id"),
            Map.entry("directory_group.mail", "the checked mailNickname (64) at the initial domain"),
            Map.entry("directory_group.visibility", "one of three names, checked"),
            Map.entry("directory_audit.category", "a constant of Audit"),
            Map.entry("directory_audit.activity", "a constant activity name"),
            Map.entry("directory_audit.operation_type", "a constant operation name"),
            Map.entry("directory_audit.initiator_kind", "AuditEvent.Initiator.Kind enum"),
            Map.entry("directory_audit.initiator_name", "a UPN (320) or a GUID, or 'Tenantry'"),
            Map.entry("directory_audit_target.target_type", "a constant type name"),
            Map.entry("directory_audit_target.display_name", "a stored UPN or name, cut by Audit to the size"),
            Map.entry("directory_audit_target.detail", "server-written, cut by Audit to the size"),
            Map.entry("subscription_activity.resource_group", "a stored resource group name (90)"),
            Map.entry("service_principal.service_principal_type", "ServicePrincipalType enum"),
            Map.entry("service_principal.managed_identity_resource_id", "an ARM id of checked parts (< 400)"),
            Map.entry("managed_identity.resource_group", "a stored resource group name (90)"),
            Map.entry("managed_identity.resource_group_key", "a stored resource group name key (90)"),
            Map.entry("managed_identity.name", "ManagedIdentityService's pattern (128) or a host name (64)"),
            Map.entry("managed_identity.name_key", "the lower-cased ASCII name (128)"),
            Map.entry("managed_identity.kind", "ManagedIdentity.Kind enum"),
            Map.entry("managed_identity.location", "checked as RESOURCE_GROUP_LOCATION (64)"),
            Map.entry("managed_identity.tags", "checked by Tags as RESOURCE_GROUP_TAGS (4000)"),
            Map.entry("compute_host.resource_group", "a stored resource group name (90)"),
            Map.entry("compute_host.resource_group_key", "a stored resource group name key (90)"),
            Map.entry("compute_host.name", "ComputeHostService's pattern (64)"),
            Map.entry("compute_host.name_key", "the lower-cased ASCII name (64)"),
            Map.entry("compute_host.location", "checked as RESOURCE_GROUP_LOCATION (64)"),
            Map.entry("compute_host.tags", "checked by Tags as RESOURCE_GROUP_TAGS (4000)"),
            Map.entry("compute_host_identity.resource_group_key", "a stored resource group name key (90)"),
            Map.entry("compute_host_identity.host_name_key", "a stored host name key (64)"),
            Map.entry("subscription_activity.operation_name", "a constant ARM operation name"),
            Map.entry("subscription_activity.resource_provider", "the namespace of a constant operation name"),
            Map.entry("subscription_activity.resource_type", "a constant ARM resource type"),
            Map.entry("subscription_activity.resource_id", "an ARM id built from a GUID and a group name (90)"),
            Map.entry("subscription_activity.authorization_scope", "an ARM scope built as role_assignment.scope"),
            Map.entry("subscription_activity.sub_status", "a constant ARM sub-status"),
            Map.entry("subscription_activity.caller_name", "a UPN (320) or a GUID, or 'Tenantry'"),
            Map.entry("group_licence.disabled_plans", "ids of the SKU's own service plans, checked"),
            Map.entry("inherited_licence.error", "InheritedLicence.Failure enum"),
            Map.entry("licence_assignment.disabled_plans", "ids of the SKU's own service plans, checked"),
            Map.entry("guest_invitation.state", "ExternalUserState enum"),
            Map.entry("guest_invitation.redeem_token_hash", "SHA-256 hex"),
            Map.entry("server_secret.name", "a constant name"),
            Map.entry("server_secret.secret_value", "generated"),
            Map.entry("web_session.id_hash", "SHA-256 hex"),
            Map.entry("web_session_client.id_hash", "SHA-256 hex"),
            Map.entry("web_session.csrf_token", "generated"),
            Map.entry("credential_lockout.subject", "a kind and a GUID, or a hash bucket of a user name"),
            Map.entry("job_lease.name", "a job name registered in code, [a-z0-9-]{1,64}"),
            Map.entry("job_lease.holder", "JobRunner: node- and a random UUID"),
            Map.entry("job_lease.last_outcome", "JobOutcome enum"),
            Map.entry("directory_user.display_name_lower", "generated: LOWER(display_name), same size (V30)"),
            Map.entry("directory_group.display_name_lower", "generated: LOWER(display_name), same size (V30)"),
            Map.entry("cache_generation.name", "JdbiCacheGeneration: the constant directory"),
            Map.entry("application_app_role.allowed_member_types", "AppRole.MemberType enum names, joined"),
            Map.entry("application_required_access.access_type", "RequiredResourceAccess.Type enum"));

    private static final Pattern TABLE = Pattern.compile("CREATE TABLE (\\w+) \\((.*?)\\n\\);", Pattern.DOTALL);
    private static final Pattern ALTER = Pattern.compile(
            "ALTER TABLE (\\w+)\\s+(?:ADD COLUMN|ALTER COLUMN)\\s+(\\w+)\\s+(?:SET DATA TYPE |TYPE )?VARCHAR\\((\\d+)\\)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern RENAME =
            Pattern.compile("ALTER TABLE (\\w+) RENAME TO (\\w+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern DROP = Pattern.compile("^DROP TABLE (\\w+);", Pattern.MULTILINE);
    private static final Pattern MIGRATION = Pattern.compile("V(\\d+(?:_\\d+)*)__.*");
    private static final Pattern VARCHAR = Pattern.compile("^\\s*(\\w+)\\s+VARCHAR\\((\\d+)\\)", Pattern.MULTILINE);

    @Test
    @DisplayName("issue 7.5: every Column has the size its migration declares")
    void sizesMatchTheMigrations() throws Exception {
        Map<String, Integer> declared = varcharColumns();

        for (Column column : Column.values()) {
            assertThat(declared).as(column.name()).containsEntry(column.table() + "." + column.column(), column.size());
            assertThat(column.limit()).as(column.name()).isLessThanOrEqualTo(column.size());
        }
    }

    @Test
    @DisplayName("issue 7.5: every text column is checked through Column or is written by the server")
    void everyTextColumnIsCovered() throws Exception {
        Set<String> checked = Arrays.stream(Column.values())
                .map(c -> c.table() + "." + c.column())
                .collect(Collectors.toSet());

        assertThat(varcharColumns().keySet())
                .allSatisfy(name -> assertThat(checked.contains(name) || SERVER_WRITTEN.containsKey(name))
                        .as("%s is neither a Column nor server-written", name)
                        .isTrue());
    }

    @Test
    void checkMeasuresTheValueAndNamesTheField() {
        assertThat(Column.BILLING_POSTAL_CODE.check("9".repeat(32), "postalCode"))
                .hasSize(32);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> Column.BILLING_POSTAL_CODE.check("9".repeat(33), "postalCode"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("'postalCode'")
                .hasMessageContaining("32");
        assertThat(Column.RESOURCE_GROUP_NAME_KEY.fits("\u0130".repeat(90).toLowerCase(Locale.ROOT)))
                .isFalse();
    }

    private static Map<String, Integer> varcharColumns() throws IOException, URISyntaxException {
        URL folder = ColumnTest.class.getResource("/db/migration");
        assertThat(folder).isNotNull();
        Map<String, Integer> columns = new HashMap<>();
        try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
            // in the order Flyway applies them, so a later migration's rename or drop sees what earlier ones made
            List<Path> migrations = files.filter(f -> f.toString().endsWith(".sql"))
                    .sorted(Comparator.comparing(ColumnTest::version))
                    .toList();
            for (Path file : migrations) {
                try (InputStream in = Files.newInputStream(file)) {
                    String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    Matcher table = TABLE.matcher(sql);
                    while (table.find()) {
                        Matcher column = VARCHAR.matcher(table.group(2));
                        while (column.find()) {
                            columns.put(table.group(1) + "." + column.group(1), Integer.parseInt(column.group(2)));
                        }
                    }
                    Matcher altered = ALTER.matcher(sql);
                    while (altered.find()) {
                        columns.put(
                                altered.group(1).toLowerCase(Locale.ROOT) + "."
                                        + altered.group(2).toLowerCase(Locale.ROOT),
                                Integer.parseInt(altered.group(3)));
                    }
                    Matcher dropped = DROP.matcher(sql);
                    while (dropped.find()) {
                        String prefix = dropped.group(1).toLowerCase(Locale.ROOT) + ".";
                        columns.keySet().removeIf(name -> name.startsWith(prefix));
                    }
                    Matcher renamed = RENAME.matcher(sql); // a table rebuilt by copy keeps its final name
                    while (renamed.find()) {
                        String from = renamed.group(1).toLowerCase(Locale.ROOT) + ".";
                        String to = renamed.group(2).toLowerCase(Locale.ROOT) + ".";
                        for (String name : Set.copyOf(columns.keySet())) {
                            if (name.startsWith(from)) {
                                columns.put(to + name.substring(from.length()), columns.remove(name));
                            }
                        }
                    }
                }
            }
        }
        assertThat(columns).containsKey("billing_profile.postal_code");
        return columns;
    }

    private static MigrationVersion version(Path migration) {
        Matcher name = MIGRATION.matcher(migration.getFileName().toString());
        assertThat(name.matches())
                .as("%s is named V<version>__<description>.sql", migration)
                .isTrue();
        return MigrationVersion.fromVersion(name.group(1).replace('_', '.'));
    }
}
