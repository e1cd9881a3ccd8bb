package dev.tenantry.directory.storage;

import dev.tenantry.directory.DirectoryError;
import dev.tenantry.directory.User;
import dev.tenantry.directory.UserFilter;
import dev.tenantry.directory.UserRepository;
import dev.tenantry.directory.UserType;
import dev.tenantry.shared.ConflictException;
import dev.tenantry.shared.Ids;
import dev.tenantry.shared.Page;
import dev.tenantry.shared.PageRequest;
import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.UserId;
import dev.tenantry.storage.SqlStates;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** Users in SQL. Filters are built only from a fixed map of properties to columns, and values are always bound. */
public final class JdbiUserRepository implements UserRepository {

    static final String COLUMNS = "id, tenant_id, user_principal_name, display_name, given_name, surname, mail,"
            + " mail_nickname, account_enabled, usage_location, user_type, job_title, created_at";

    private static final String INSERT = """
            INSERT INTO directory_user (id, tenant_id, user_principal_name, upn_key, display_name, given_name, surname,
                mail, mail_nickname, account_enabled, usage_location, user_type, job_title, password_hash, created_at)
            VALUES (:id, :tenantId, :upn, :upnKey, :displayName, :givenName, :surname, :mail, :mailNickname,
                :accountEnabled, :usageLocation, :userType, :jobTitle, :passwordHash, :createdAt)
            """;

    private static final String UPDATE = """
            UPDATE directory_user SET display_name = :displayName, given_name = :givenName, surname = :surname,
                mail = :mail, account_enabled = :accountEnabled, usage_location = :usageLocation, job_title = :jobTitle
            WHERE id = :id AND tenant_id = :tenantId
            """;

    private final Jdbi jdbi;

    public JdbiUserRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void insert(User user, String passwordHash) {
        try {
            jdbi.useHandle(handle -> handle.createUpdate(INSERT)
                    .bind("id", user.id().value())
                    .bind("tenantId", user.tenantId().value())
                    .bind("upn", user.userPrincipalName())
                    .bind("upnKey", User.upnKey(user.userPrincipalName()))
                    .bind("displayName", user.displayName())
                    .bind("givenName", user.givenName())
                    .bind("surname", user.surname())
                    .bind("mail", user.mail())
                    .bind("mailNickname", user.mailNickname())
                    .bind("accountEnabled", user.accountEnabled())
                    .bind("usageLocation", user.usageLocation())
                    .bind("userType", user.userType().name())
                    .bind("jobTitle", user.jobTitle())
                    .bind("passwordHash", passwordHash)
                    .bind("createdAt", user.createdAt())
                    .execute());
        } catch (UnableToExecuteStatementException e) {
            if (SqlStates.isUniqueViolation(e)) {
                throw new ConflictException(
                        DirectoryError.UPN_TAKEN,
                        "The user name '" + user.userPrincipalName() + "' is already taken.",
                        "userPrincipalName");
            }
            throw e;
        }
    }

    @Override
    public Optional<User> findById(TenantId tenantId, UserId id) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT " + COLUMNS + " FROM directory_user WHERE id = :id AND tenant_id = :tenantId")
                .bind("id", id.value())
                .bind("tenantId", tenantId.value())
                .map(USER_ROWS)
                .findOne());
    }

    @Override
    public Optional<User> findByUpn(String userPrincipalName) {
        return jdbi.withHandle(
                handle -> handle.createQuery("SELECT " + COLUMNS + " FROM directory_user WHERE upn_key = :upnKey")
                        .bind("upnKey", User.upnKey(userPrincipalName))
                        .map(USER_ROWS)
                        .findOne());
    }

    @Override
    public Page<User> list(TenantId tenantId, List<UserFilter> filters, PageRequest page) {
        // a startswith on displayName is a range of the name index: in its order a page costs a page, whatever the
        // prefix matches (issue 13); Graph promises no order without $orderby, and the next link keeps the filter
        return page(tenantId, filters, page, UserFilter.anyDisplayNamePrefix(filters));
    }

    @Override
    public Page<User> listByDisplayName(TenantId tenantId, List<UserFilter> filters, PageRequest page) {
        return page(tenantId, filters, page, true);
    }

    private Page<User> page(TenantId tenantId, List<UserFilter> filters, PageRequest page, boolean byName) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM directory_user WHERE tenant_id = :tenantId");
        for (int i = 0; i < filters.size(); i++) {
            sql.append(" AND ").append(condition(filters.get(i), "f" + i));
        }
        if (page.after() != null) {
            sql.append(Keysets.after(byName));
        } else if (filters.isEmpty()) {
            sql.append(
                    Keysets.firstPage(byName)); // a filter is better served by scanning the tenant and sorting matches
        }
        sql.append(Keysets.order(byName)).append(" FETCH FIRST :limit ROWS ONLY");
        List<User> fetched = jdbi.withHandle(handle -> {
            Query query = handle.createQuery(sql.toString())
                    .bind("tenantId", tenantId.value())
                    .bind("limit", page.size() + 1);
            for (int i = 0; i < filters.size(); i++) {
                bindFilter(query, filters.get(i), "f" + i);
            }
            if (page.after() != null) {
                Keysets.bindAfter(query, page.after(), byName);
            } else if (filters.isEmpty()) {
                Keysets.bindFirstPage(query, byName);
            }
            return query.map(USER_ROWS).list();
        });
        return Page.of(
                fetched,
                page.size(),
                byName ? User::displayNameKey : user -> user.id().toString());
    }

    private static String condition(UserFilter filter, String name) {
        return switch (filter.property()) {
            case ID -> "id = :" + name;
            case ACCOUNT_ENABLED -> "account_enabled = :" + name;
            case DISPLAY_NAME ->
                filter.operator() == UserFilter.Operator.EQ
                        ? "display_name_lower = :" + name
                        : Keysets.namePrefix(name, filter.value());
            default -> {
                String column = "LOWER(" + column(filter.property()) + ")";
                yield filter.operator() == UserFilter.Operator.EQ
                        ? column + " = :" + name
                        : column + " LIKE :" + name + " ESCAPE '\\'";
            }
        };
    }

    private static void bindFilter(Query query, UserFilter filter, String name) {
        switch (filter.property()) {
            case ID -> query.bind(name, Ids.tryParse(filter.value()).orElse(new UUID(0, 0)));
            case ACCOUNT_ENABLED -> query.bind(name, Boolean.parseBoolean(filter.value()));
            case USER_TYPE -> query.bind(name, filter.lowerValue().equals("guest") ? "guest" : "member");
            case DISPLAY_NAME -> {
                if (filter.operator() == UserFilter.Operator.EQ) {
                    query.bind(name, filter.lowerValue());
                } else {
                    Keysets.bindNamePrefix(query, name, filter.value());
                }
            }
            default ->
                query.bind(
                        name,
                        filter.operator() == UserFilter.Operator.EQ
                                ? filter.lowerValue()
                                : Keysets.literalPattern(filter.value()) + "%");
        }
    }

    private static String column(UserFilter.Property property) {
        return switch (property) {
            case ID -> "id";
            case USER_PRINCIPAL_NAME -> "user_principal_name";
            case DISPLAY_NAME -> "display_name";
            case GIVEN_NAME -> "given_name";
            case SURNAME -> "surname";
            case MAIL -> "mail";
            case MAIL_NICKNAME -> "mail_nickname";
            case USER_TYPE -> "user_type";
            case ACCOUNT_ENABLED -> "account_enabled";
        };
    }

    @Override
    public void update(User user) {
        jdbi.useHandle(handle -> handle.createUpdate(UPDATE)
                .bind("id", user.id().value())
                .bind("tenantId", user.tenantId().value())
                .bind("displayName", user.displayName())
                .bind("givenName", user.givenName())
                .bind("surname", user.surname())
                .bind("mail", user.mail())
                .bind("accountEnabled", user.accountEnabled())
                .bind("usageLocation", user.usageLocation())
                .bind("jobTitle", user.jobTitle())
                .execute());
    }

    @Override
    public boolean delete(TenantId tenantId, UserId id) {
        try {
            // one transaction (joining the caller's): a refused delete must not have dropped the role memberships
            return jdbi.inTransaction(handle -> {
                handle.createUpdate("DELETE FROM directory_role_member WHERE user_id = :id")
                        .bind("id", id.value())
                        .execute();
                // the app roles the user held (issue 11) go with the user, as Entra deletes them
                handle.createUpdate(
                                "DELETE FROM app_role_assignment WHERE tenant_id = :tenantId AND principal_id = :id")
                        .bind("id", id.value())
                        .bind("tenantId", tenantId.value())
                        .execute();
                return handle.createUpdate("DELETE FROM directory_user WHERE id = :id AND tenant_id = :tenantId")
                                .bind("id", id.value())
                                .bind("tenantId", tenantId.value())
                                .execute()
                        > 0;
            });
        } catch (UnableToExecuteStatementException e) {
            if (SqlStates.isForeignKeyViolation(e)) {
                throw new ConflictException(
                        DirectoryError.USER_IN_USE,
                        "The user is the account administrator of a cloud subscription; give the subscription "
                                + "another account administrator before deleting the user.");
            }
            throw e;
        }
    }

    @Override
    public Optional<String> passwordHash(UserId id) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT password_hash FROM directory_user WHERE id = :id")
                .bind("id", id.value())
                .mapTo(String.class)
                .findOne());
    }

    @Override
    public void setPasswordHash(UserId id, String passwordHash) {
        jdbi.useHandle(handle -> handle.createUpdate("UPDATE directory_user SET password_hash = :hash WHERE id = :id")
                .bind("id", id.value())
                .bind("hash", passwordHash)
                .execute());
    }

    /**
     * Rows of {@link #COLUMNS} as users, each column found once per result set ({@link RowMapper#specialize}): H2 looks
     * a column up by its label at every call, upper-casing the label first. Read by position, a page of 100 users
     * reads in 16–22 µs instead of 29–40 µs (measured on an in-memory table).
     */
    static final RowMapper<User> USER_ROWS = new RowMapper<>() {
        @Override
        public User map(ResultSet rs, StatementContext ctx) throws SQLException {
            return specialize(rs, ctx).map(rs, ctx);
        }

        @Override
        public RowMapper<User> specialize(ResultSet rs, StatementContext ctx) throws SQLException {
            int id = rs.findColumn("id");
            int tenantId = rs.findColumn("tenant_id");
            int upn = rs.findColumn("user_principal_name");
            int displayName = rs.findColumn("display_name");
            int givenName = rs.findColumn("given_name");
            int surname = rs.findColumn("surname");
            int mail = rs.findColumn("mail");
            int mailNickname = rs.findColumn("mail_nickname");
            int accountEnabled = rs.findColumn("account_enabled");
            int usageLocation = rs.findColumn("usage_location");
            int userType = rs.findColumn("user_type");
            int jobTitle = rs.findColumn("job_title");
            int createdAt = rs.findColumn("created_at");
            ColumnMapper<Instant> instants =
                    ctx.findColumnMapperFor(Instant.class).orElseThrow();
            return (row, context) -> new User(
                    new UserId(row.getObject(id, UUID.class)),
                    new TenantId(row.getObject(tenantId, UUID.class)),
                    row.getString(upn),
                    row.getString(displayName),
                    row.getString(givenName),
                    row.getString(surname),
                    row.getString(mail),
                    row.getString(mailNickname),
                    row.getBoolean(accountEnabled),
                    row.getString(usageLocation),
                    UserType.valueOf(row.getString(userType)),
                    row.getString(jobTitle),
                    instants.map(row, createdAt, context));
        }
    };
}
