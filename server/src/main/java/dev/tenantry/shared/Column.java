package dev.tenantry.shared;

/**
 * The one table of how long each user-supplied value may be: every database column that stores text a client sent,
 * with its size as the migrations declare it and the limit the service accepts (never more than the size).
 *
 * <p>Lengths are counted as {@link String#length()}, UTF-16 units, which is what H2 counts; PostgreSQL counts code
 * points, never more. A column that stores a lower-cased key is checked on the lower-cased value, because lower-casing
 * can make a text longer ({@code İ} becomes {@code i̇}). {@code ColumnTest} holds this table to the migrations.
 */
public enum Column {
    TENANT_DISPLAY_NAME("tenant", "display_name", 256),
    USER_PRINCIPAL_NAME("directory_user", "user_principal_name", 320),
    USER_DISPLAY_NAME("directory_user", "display_name", 256),
    USER_GIVEN_NAME("directory_user", "given_name", 64),
    USER_SURNAME("directory_user", "surname", 64),
    USER_MAIL("directory_user", "mail", 320),
    USER_MAIL_NICKNAME("directory_user", "mail_nickname", 64),
    USER_JOB_TITLE("directory_user", "job_title", 128),
    GROUP_DISPLAY_NAME("directory_group", "display_name", 256),
    GROUP_DESCRIPTION("directory_group", "description", 1024),
    GROUP_MAIL_NICKNAME("directory_group", "mail_nickname", 64),
    APPLICATION_DISPLAY_NAME("application", "display_name", 256),
    APPLICATION_SECRET_DISPLAY_NAME("application_secret", "display_name", 256),
    APPLICATION_KEY_DISPLAY_NAME("application_key_credential", "display_name", 256),
    /** Entra: 3 to 120 characters, letters, digits, '-' and '_' (so lower-casing keeps the length). */
    FEDERATED_CREDENTIAL_NAME("application_federated_credential", "name", 120),
    FEDERATED_CREDENTIAL_NAME_KEY("application_federated_credential", "name_key", 120),
    FEDERATED_CREDENTIAL_ISSUER("application_federated_credential", "issuer", 600),
    FEDERATED_CREDENTIAL_SUBJECT("application_federated_credential", "subject", 600),
    FEDERATED_CREDENTIAL_AUDIENCE("application_federated_credential", "audience", 600),
    FEDERATED_CREDENTIAL_DESCRIPTION("application_federated_credential", "description", 600),
    APPLICATION_IDENTIFIER_URI("application_identifier_uri", "uri", 1024, 256),
    APPLICATION_IDENTIFIER_URI_KEY("application_identifier_uri", "uri_key", 1024, 256),
    PERMISSION_SCOPE_VALUE("application_permission_scope", "scope_value", 120),
    PERMISSION_SCOPE_ADMIN_DISPLAY_NAME("application_permission_scope", "admin_consent_display_name", 256),
    PERMISSION_SCOPE_ADMIN_DESCRIPTION("application_permission_scope", "admin_consent_description", 1024),
    PERMISSION_SCOPE_USER_DISPLAY_NAME("application_permission_scope", "user_consent_display_name", 256),
    PERMISSION_SCOPE_USER_DESCRIPTION("application_permission_scope", "user_consent_description", 1024),
    /** Azure accepts subscription names of at most 64 characters. */
    CLOUD_SUBSCRIPTION_DISPLAY_NAME("cloud_subscription", "display_name", 128, 64),
    BILLING_NAME("billing_profile", "name", 128),
    BILLING_EMAIL("billing_profile", "email", 320),
    BILLING_PHONE("billing_profile", "phone", 32),
    BILLING_ADDRESS_LINE1("billing_profile", "address_line1", 256),
    BILLING_CITY("billing_profile", "city", 128),
    BILLING_POSTAL_CODE("billing_profile", "postal_code", 32),
    RESOURCE_GROUP_NAME("resource_group", "name", 90),
    RESOURCE_GROUP_NAME_KEY("resource_group", "name_key", 90),
    RESOURCE_GROUP_LOCATION("resource_group", "location", 64),
    /** The tags as the JSON object they are stored as. */
    RESOURCE_GROUP_TAGS("resource_group", "tags", 4000),
    REFRESH_TOKEN_SCOPE("refresh_family", "scope", 2000),
    IDEMPOTENCY_KEY("idempotency_record", "idem_key", 255),
    SUPPORT_TICKET_NAME("support_ticket", "name", 64),
    SUPPORT_TICKET_TITLE("support_ticket", "title", 200),
    SUPPORT_TICKET_DESCRIPTION("support_ticket", "description", 5000),
    SUPPORT_TICKET_SERVICE_ID("support_ticket", "service_id", 256),
    SUPPORT_TICKET_PROBLEM_CLASSIFICATION_ID("support_ticket", "problem_classification_id", 256),
    SUPPORT_CONTACT_FIRST_NAME("support_ticket", "first_name", 64),
    SUPPORT_CONTACT_LAST_NAME("support_ticket", "last_name", 64),
    SUPPORT_CONTACT_EMAIL("support_ticket", "email", 320),
    SUPPORT_CONTACT_PHONE("support_ticket", "phone", 32),
    SUPPORT_CONTACT_TIME_ZONE("support_ticket", "time_zone", 64),
    SUPPORT_CONTACT_LANGUAGE("support_ticket", "language", 16),
    GUEST_INVITED_EMAIL("guest_invitation", "invited_email", 320),
    GUEST_INVITED_EMAIL_KEY("guest_invitation", "invited_email_key", 320),
    GUEST_REDIRECT_URL("guest_invitation", "redirect_url", 2048),
    APPLICATION_REDIRECT_URI("application_redirect_uri", "uri", 1024, 256),
    APPLICATION_LOGOUT_URL("application_logout_url", "url", 1024, 256),
    AUTHORIZATION_CODE_NONCE("authorization_code", "nonce", 512),
    APP_ROLE_DESCRIPTION("application_app_role", "description", 1024),
    APP_ROLE_DISPLAY_NAME("application_app_role", "display_name", 256),
    /** Graph allows at most 120 characters in an app role's value. */
    APP_ROLE_VALUE("application_app_role", "role_value", 120),
    TOKEN_LIFETIME_POLICY_DISPLAY_NAME("token_lifetime_policy", "display_name", 256),
    /** Graph's definition[0] of a token lifetime policy, as given: one short JSON object. */
    TOKEN_LIFETIME_POLICY_DEFINITION("token_lifetime_policy", "definition", 1024);

    private final String table;
    private final String column;
    private final int size;
    private final int limit;

    Column(String table, String column, int size) {
        this(table, column, size, size);
    }

    Column(String table, String column, int size, int limit) {
        this.table = table;
        this.column = column;
        this.size = size;
        this.limit = limit;
    }

    public String table() {
        return table;
    }

    public String column() {
        return column;
    }

    /** The size the migrations declare. */
    public int size() {
        return size;
    }

    /** The longest value the service accepts, at most {@link #size()}. */
    public int limit() {
        return limit;
    }

    /** Whether {@code value} (null fits) is within the limit. */
    public boolean fits(String value) {
        return value == null || value.length() <= limit;
    }

    /** {@code value} unchanged, or an {@link InvalidRequestException} naming {@code field} when it is too long. */
    public String check(String value, String field) {
        if (!fits(value)) {
            throw new InvalidRequestException(
                    RequestError.FIELD_TOO_LONG, "'" + field + "' is longer than " + limit + " characters.", field);
        }
        return value;
    }

    /** {@code key}, a lower-cased value as the column stores it, unchanged when it fits, or an error naming {@code field}. */
    public String checkKey(String key, String field) {
        if (!fits(key)) {
            throw new InvalidRequestException(
                    RequestError.FIELD_TOO_LONG,
                    "'" + field + "' is longer than " + limit + " characters once lower-cased; use a shorter one.",
                    field);
        }
        return key;
    }
}
