package dev.tenantry.subscriptions.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tenantry.subscriptions.ResourceGroup;
import dev.tenantry.subscriptions.ResourceGroupRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** Resource groups in SQL; tags are kept as a small JSON object. */
public final class JdbiResourceGroupRepository implements ResourceGroupRepository {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "subscription_id, name, location, tags, created_at";

    private final Jdbi jdbi;

    public JdbiResourceGroupRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public boolean upsert(ResourceGroup group) {
        return jdbi.withHandle(handle -> {
            int updated = handle.createUpdate(
                            "UPDATE resource_group SET tags = :tags WHERE subscription_id = :sub AND name_key = :key")
                    .bind("tags", tags(group.tags()))
                    .bind("sub", group.subscriptionId())
                    .bind("key", ResourceGroup.key(group.name()))
                    .execute();
            if (updated > 0) {
                return false;
            }
            handle.createUpdate("""
                            INSERT INTO resource_group (subscription_id, name_key, name, location, tags, created_at)
                            VALUES (:sub, :key, :name, :location, :tags, :createdAt)
                            """)
                    .bind("sub", group.subscriptionId())
                    .bind("key", ResourceGroup.key(group.name()))
                    .bind("name", group.name())
                    .bind("location", group.location())
                    .bind("tags", tags(group.tags()))
                    .bind("createdAt", group.createdAt())
                    .execute();
            return true;
        });
    }

    @Override
    public Optional<ResourceGroup> find(UUID subscriptionId, String name) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT " + COLUMNS + " FROM resource_group WHERE subscription_id = :sub AND name_key = :key")
                .bind("sub", subscriptionId)
                .bind("key", ResourceGroup.key(name))
                .map(JdbiResourceGroupRepository::toGroup)
                .findOne());
    }

    @Override
    public List<ResourceGroup> list(UUID subscriptionId) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT " + COLUMNS + " FROM resource_group WHERE subscription_id = :sub ORDER BY name_key")
                .bind("sub", subscriptionId)
                .map(JdbiResourceGroupRepository::toGroup)
                .list());
    }

    @Override
    public boolean delete(UUID subscriptionId, String name) {
        return jdbi.withHandle(handle -> handle.createUpdate(
                                "DELETE FROM resource_group WHERE subscription_id = :sub AND name_key = :key")
                        .bind("sub", subscriptionId)
                        .bind("key", ResourceGroup.key(name))
                        .execute())
                > 0;
    }

    /** Tags as the JSON object they are stored as (also for managed identities and hosts). */
    static String tags(Map<String, String> tags) {
        try {
            return JSON.writeValueAsString(tags);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ResourceGroup toGroup(ResultSet rs, StatementContext ctx) throws SQLException {
        try {
            return new ResourceGroup(
                    rs.getObject("subscription_id", UUID.class),
                    rs.getString("name"),
                    rs.getString("location"),
                    tags(rs),
                    ctx.findColumnMapperFor(Instant.class).orElseThrow().map(rs, "created_at", ctx));
        } catch (JsonProcessingException e) {
            throw new SQLException("unreadable tags", e);
        }
    }

    /** The tags of the row's {@code tags} column. */
    static Map<String, String> tags(ResultSet rs) throws SQLException, JsonProcessingException {
        return JSON.readValue(rs.getString("tags"), new TypeReference<Map<String, String>>() {});
    }
}
