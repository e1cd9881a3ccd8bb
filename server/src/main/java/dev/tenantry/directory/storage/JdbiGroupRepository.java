package dev.tenantry.directory.storage;

import dev.tenantry.directory.DirectoryObject;
import dev.tenantry.directory.Group;
import dev.tenantry.directory.GroupFilter;
import dev.tenantry.directory.GroupRepository;
import dev.tenantry.directory.User;
import dev.tenantry.shared.Ids;
import dev.tenantry.shared.Page;
import dev.tenantry.shared.PageRequest;
import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.UserId;
import dev.tenantry.storage.SqlStates;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Groups, members and owners in SQL. Nested membership is walked with recursive queries; filters are built only from a
 * fixed map of properties to columns, and values are always bound.
 */
public final class JdbiGroupRepository implements GroupRepository {

    private static final String COLUMNS = "id, tenant_id, display_name, description, mail_nickname, mail, mail_enabled,"
            + " security_enabled, unified, visibility, created_at";

    private static final String INSERT = """
            INSERT INTO directory_group (id, tenant_id, display_name, description, mail_nickname, mail, mail_enabled,
                security_enabled, unified, visibility, created_at)
            VALUES (:id, :tenantId, :displayName, :description, :mailNickname, :mail, :mailEnabled, :securityEnabled,
                :unified, :visibility, :createdAt)
            """;

    /** The groups {@code :memberId} is in, directly or through groups; UNION keeps each once and ends on any cycle. */
    private static final String ANCESTORS = """
            WITH RECURSIVE ancestor (group_id) AS (
                SELECT group_id FROM group_member WHERE member_user_id = :memberId OR member_group_id = :memberId
                UNION
                SELECT m.group_id FROM group_member m JOIN ancestor a ON m.member_group_id = a.group_id
            )
            """;

    /** Every member row reached from group {@code :groupId} down through its member groups. */
    private static final String DESCENDANTS = """
            WITH RECURSIVE descendant (member_user_id, member_group_id) AS (
                SELECT member_user_id, member_group_id FROM group_member WHERE group_id = :groupId
                UNION
                SELECT m.member_user_id, m.member_group_id FROM group_member m
                    JOIN descendant d ON m.group_id = d.member_group_id
            )
            """;

    private static final String USER_COLUMNS = prefixed("u", JdbiUserRepository.COLUMNS);
    private static final String GROUP_COLUMNS = prefixed("g", COLUMNS);

    private final Jdbi jdbi;

    public JdbiGroupRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void insert(Group group) {
        jdbi.useHandle(handle -> bindGroup(handle.createUpdate(INSERT), group).execute());
    }

    @Override
    public Optional<Group> findById(TenantId tenantId, UUID id) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT " + COLUMNS + " FROM directory_group WHERE id = :id AND tenant_id = :tenantId")
                .bind("id", id)
                .bind("tenantId", tenantId.value())
                .map(JdbiGroupRepository::toGroup)
                .findOne());
    }

    @Override
    public Page<Group> list(
            TenantId tenantId, List<GroupFilter> filters, String search, boolean byDisplayName, PageRequest page) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM directory_group");
        where(sql, filters, search);
        if (page.after() != null) {
            sql.append(Keysets.after(byDisplayName));
        } else if (filters.isEmpty() && search == null) {
            sql.append(Keysets.firstPage(
                    byDisplayName)); // a filter is better served by scanning the tenant and sorting matches
        }
        sql.append(Keysets.order(byDisplayName)).append(" FETCH FIRST :limit ROWS ONLY");
        List<Group> fetched = jdbi.withHandle(handle -> {
            var query = handle.createQuery(sql.toString()).bind("limit", page.size() + 1);
            bindWhere(query, tenantId, filters, search);
            if (page.after() != null) {
                Keysets.bindAfter(query, page.after(), byDisplayName);
            } else if (filters.isEmpty() && search == null) {
                Keysets.bindFirstPage(query, byDisplayName);
            }
            return query.map(JdbiGroupRepository::toGroup).list();
        });
        return Page.of(
                fetched,
                page.size(),
                byDisplayName ? Group::displayNameKey : group -> group.id().toString());
    }

    @Override
    public long count(TenantId tenantId, List<GroupFilter> filters, String search) {
        StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM directory_group");
        where(sql, filters, search);
        return jdbi.withHandle(handle -> {
            var query = handle.createQuery(sql.toString());
            bindWhere(query, tenantId, filters, search);
            return query.mapTo(Long.class).one();
        });
    }

    @Override
    public Optional<Group> findUnifiedByMailNickname(TenantId tenantId, String mailNickname) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS
                        + " FROM directory_group WHERE tenant_id = :tenantId AND unified"
                        + " AND LOWER(mail_nickname) = :nickname")
                .bind("tenantId", tenantId.value())
                .bind("nickname", mailNickname.toLowerCase(java.util.Locale.ROOT))
                .map(JdbiGroupRepository::toGroup)
                .findFirst());
    }

    @Override
    public void update(Group group) {
        jdbi.useHandle(handle -> handle.createUpdate("""
                        UPDATE directory_group SET display_name = :displayName, description = :description,
                            mail_nickname = :mailNickname, visibility = :visibility
                        WHERE id = :id AND tenant_id = :tenantId
                        """)
                .bind("id", group.id())
                .bind("tenantId", group.tenantId().value())
                .bind("displayName", group.displayName())
                .bind("description", group.description())
                .bind("mailNickname", group.mailNickname())
                .bind("visibility", group.visibility())
                .execute());
    }

    @Override
    public boolean delete(TenantId tenantId, UUID id) {
        return jdbi.inTransaction(handle -> {
            // the app roles the group held (issue 11) go with the group, as Entra deletes them
            handle.createUpdate("DELETE FROM app_role_assignment WHERE tenant_id = :tenantId AND principal_id = :id")
                    .bind("id", id)
                    .bind("tenantId", tenantId.value())
                    .execute();
            return handle.createUpdate("DELETE FROM directory_group WHERE id = :id AND tenant_id = :tenantId")
                            .bind("id", id)
                            .bind("tenantId", tenantId.value())
                            .execute()
                    > 0;
        });
    }

    @Override
    public boolean addMember(TenantId tenantId, UUID groupId, DirectoryObject member) {
        boolean user = member instanceof User;
        return insertIgnoringDuplicate(handle -> handle.createUpdate(
                        "INSERT INTO group_member (tenant_id, group_id, member_user_id, member_group_id, added_at)"
                                + " VALUES (:tenantId, :groupId, :userId, :groupMemberId, :now)")
                .bind("tenantId", tenantId.value())
                .bind("groupId", groupId)
                // typed, so a null binds as a null uuid (Database's UUID argument), which PostgreSQL takes
                .bindByType("userId", user ? member.objectId() : null, UUID.class)
                .bindByType("groupMemberId", user ? null : member.objectId(), UUID.class)
                .bind("now", Instant.now())
                .execute());
    }

    @Override
    public boolean removeMember(TenantId tenantId, UUID groupId, UUID memberId) {
        return jdbi.withHandle(handle -> handle.createUpdate(
                                "DELETE FROM group_member WHERE tenant_id = :tenantId AND group_id = :groupId"
                                        + " AND (member_user_id = :memberId OR member_group_id = :memberId)")
                        .bind("tenantId", tenantId.value())
                        .bind("groupId", groupId)
                        .bind("memberId", memberId)
                        .execute())
                > 0;
    }

    @Override
    public List<DirectoryObject> members(TenantId tenantId, UUID groupId) {
        return jdbi.withHandle(handle -> {
            List<DirectoryObject> members = new ArrayList<>(handle.createQuery("SELECT " + USER_COLUMNS
                            + " FROM directory_user u JOIN group_member m ON m.member_user_id = u.id"
                            + " WHERE m.group_id = :groupId AND m.tenant_id = :tenantId ORDER BY u.id")
                    .bind("groupId", groupId)
                    .bind("tenantId", tenantId.value())
                    .map(JdbiUserRepository.USER_ROWS)
                    .list());
            members.addAll(handle.createQuery("SELECT " + GROUP_COLUMNS
                            + " FROM directory_group g JOIN group_member m ON m.member_group_id = g.id"
                            + " WHERE m.group_id = :groupId AND m.tenant_id = :tenantId ORDER BY g.id")
                    .bind("groupId", groupId)
                    .bind("tenantId", tenantId.value())
                    .map(JdbiGroupRepository::toGroup)
                    .list());
            return members;
        });
    }

    @Override
    public List<DirectoryObject> transitiveMembers(TenantId tenantId, UUID groupId) {
        return jdbi.withHandle(handle -> {
            List<DirectoryObject> members = new ArrayList<>(handle.createQuery(DESCENDANTS + "SELECT "
                            + JdbiUserRepository.COLUMNS + " FROM directory_user WHERE tenant_id = :tenantId"
                            + " AND id IN (SELECT member_user_id FROM descendant) ORDER BY id")
                    .bind("groupId", groupId)
                    .bind("tenantId", tenantId.value())
                    .map(JdbiUserRepository.USER_ROWS)
                    .list());
            members.addAll(handle.createQuery(DESCENDANTS + "SELECT " + COLUMNS
                            + " FROM directory_group WHERE tenant_id = :tenantId"
                            + " AND id IN (SELECT member_group_id FROM descendant) ORDER BY id")
                    .bind("groupId", groupId)
                    .bind("tenantId", tenantId.value())
                    .map(JdbiGroupRepository::toGroup)
                    .list());
            return members;
        });
    }

    @Override
    public List<Group> groupsOf(TenantId tenantId, UUID memberId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + GROUP_COLUMNS
                        + " FROM directory_group g JOIN group_member m ON m.group_id = g.id"
                        + " WHERE g.tenant_id = :tenantId"
                        + " AND (m.member_user_id = :memberId OR m.member_group_id = :memberId) ORDER BY g.id")
                .bind("tenantId", tenantId.value())
                .bind("memberId", memberId)
                .map(JdbiGroupRepository::toGroup)
                .list());
    }

    @Override
    public List<Group> transitiveGroupsOf(TenantId tenantId, UUID memberId) {
        return jdbi.withHandle(handle -> handle.createQuery(ANCESTORS + "SELECT " + COLUMNS
                        + " FROM directory_group WHERE tenant_id = :tenantId"
                        + " AND id IN (SELECT group_id FROM ancestor) ORDER BY id")
                .bind("tenantId", tenantId.value())
                .bind("memberId", memberId)
                .map(JdbiGroupRepository::toGroup)
                .list());
    }

    @Override
    public boolean addOwner(TenantId tenantId, UUID groupId, UserId owner) {
        return insertIgnoringDuplicate(
                handle -> handle.createUpdate("INSERT INTO group_owner (tenant_id, group_id, user_id, added_at)"
                                + " VALUES (:tenantId, :groupId, :userId, :now)")
                        .bind("tenantId", tenantId.value())
                        .bind("groupId", groupId)
                        .bind("userId", owner.value())
                        .bind("now", Instant.now())
                        .execute());
    }

    @Override
    public boolean removeOwner(TenantId tenantId, UUID groupId, UserId owner) {
        return jdbi.withHandle(handle -> handle.createUpdate(
                                "DELETE FROM group_owner WHERE tenant_id = :tenantId AND group_id = :groupId"
                                        + " AND user_id = :userId")
                        .bind("tenantId", tenantId.value())
                        .bind("groupId", groupId)
                        .bind("userId", owner.value())
                        .execute())
                > 0;
    }

    @Override
    public List<User> owners(TenantId tenantId, UUID groupId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + USER_COLUMNS
                        + " FROM directory_user u JOIN group_owner o ON o.user_id = u.id"
                        + " WHERE o.group_id = :groupId AND o.tenant_id = :tenantId ORDER BY u.id")
                .bind("groupId", groupId)
                .bind("tenantId", tenantId.value())
                .map(JdbiUserRepository.USER_ROWS)
                .list());
    }

    @Override
    public boolean isOwner(TenantId tenantId, UUID groupId, UserId userId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM group_owner"
                                + " WHERE tenant_id = :tenantId AND group_id = :groupId AND user_id = :userId")
                        .bind("tenantId", tenantId.value())
                        .bind("groupId", groupId)
                        .bind("userId", userId.value())
                        .mapTo(Integer.class)
                        .one())
                > 0;
    }

    @Override
    public List<Group> ownedBy(TenantId tenantId, UserId owner) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS
                        + " FROM directory_group WHERE tenant_id = :tenantId"
                        + " AND id IN (SELECT group_id FROM group_owner WHERE user_id = :userId) ORDER BY id")
                .bind("tenantId", tenantId.value())
                .bind("userId", owner.value())
                .map(JdbiGroupRepository::toGroup)
                .list());
    }

    /** Runs an insert in its own savepoint-free statement; a duplicate row answers false instead of failing. */
    private boolean insertIgnoringDuplicate(java.util.function.Function<Handle, Integer> insert) {
        try {
            return jdbi.withHandle(insert::apply) > 0;
        } catch (UnableToExecuteStatementException e) {
            if (SqlStates.isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    private static void where(StringBuilder sql, List<GroupFilter> filters, String search) {
        sql.append(" WHERE tenant_id = :tenantId");
        for (int i = 0; i < filters.size(); i++) {
            sql.append(" AND ").append(condition(filters.get(i), "f" + i));
        }
        if (search != null) {
            sql.append(" AND LOWER(display_name) LIKE :search ESCAPE '\\'");
        }
    }

    private static void bindWhere(SqlStatement<?> query, TenantId tenantId, List<GroupFilter> filters, String search) {
        query.bind("tenantId", tenantId.value());
        for (int i = 0; i < filters.size(); i++) {
            bindFilter(query, filters.get(i), "f" + i);
        }
        if (search != null) {
            query.bind("search", "%" + Keysets.literalPattern(search) + "%");
        }
    }

    private static String condition(GroupFilter filter, String name) {
        return switch (filter.property()) {
            case ID -> "id = :" + name;
            case SECURITY_ENABLED -> "security_enabled = :" + name;
            case MAIL_ENABLED -> "mail_enabled = :" + name;
            case GROUP_TYPES -> "unified = TRUE";
            case DISPLAY_NAME ->
                filter.operator() == GroupFilter.Operator.EQ
                        ? "display_name_lower = :" + name
                        : Keysets.namePrefix(name, filter.value());
            case MAIL_NICKNAME, MAIL -> {
                String column = "LOWER(" + column(filter.property()) + ")";
                yield filter.operator() == GroupFilter.Operator.EQ
                        ? column + " = :" + name
                        : column + " LIKE :" + name + " ESCAPE '\\'";
            }
        };
    }

    private static void bindFilter(SqlStatement<?> query, GroupFilter filter, String name) {
        switch (filter.property()) {
            case ID -> query.bind(name, Ids.tryParse(filter.value()).orElse(new UUID(0, 0)));
            case SECURITY_ENABLED, MAIL_ENABLED -> query.bind(name, Boolean.parseBoolean(filter.lowerValue()));
            case GROUP_TYPES -> {}
            case DISPLAY_NAME -> {
                if (filter.operator() == GroupFilter.Operator.EQ) {
                    query.bind(name, filter.lowerValue());
                } else {
                    Keysets.bindNamePrefix(query, name, filter.value());
                }
            }
            case MAIL_NICKNAME, MAIL ->
                query.bind(
                        name,
                        filter.operator() == GroupFilter.Operator.EQ
                                ? filter.lowerValue()
                                : Keysets.literalPattern(filter.value()) + "%");
        }
    }

    private static String column(GroupFilter.Property property) {
        return switch (property) {
            case DISPLAY_NAME -> "display_name";
            case MAIL_NICKNAME -> "mail_nickname";
            case MAIL -> "mail";
            default -> throw new IllegalArgumentException("not a text property: " + property);
        };
    }

    private static <S extends SqlStatement<S>> S bindGroup(S statement, Group group) {
        return statement
                .bind("id", group.id())
                .bind("tenantId", group.tenantId().value())
                .bind("displayName", group.displayName())
                .bind("description", group.description())
                .bind("mailNickname", group.mailNickname())
                .bind("mail", group.mail())
                .bind("mailEnabled", group.mailEnabled())
                .bind("securityEnabled", group.securityEnabled())
                .bind("unified", group.unified())
                .bind("visibility", group.visibility())
                .bind("createdAt", group.createdAt());
    }

    private static Group toGroup(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Group(
                rs.getObject("id", UUID.class),
                new TenantId(rs.getObject("tenant_id", UUID.class)),
                rs.getString("display_name"),
                rs.getString("description"),
                rs.getString("mail_nickname"),
                rs.getString("mail"),
                rs.getBoolean("mail_enabled"),
                rs.getBoolean("security_enabled"),
                rs.getBoolean("unified"),
                rs.getString("visibility"),
                ctx.findColumnMapperFor(Instant.class).orElseThrow().map(rs, "created_at", ctx));
    }

    private static String prefixed(String alias, String columns) {
        return String.join(
                ", ",
                java.util.Arrays.stream(columns.split(","))
                        .map(column -> alias + "." + column.strip())
                        .toList());
    }
}
