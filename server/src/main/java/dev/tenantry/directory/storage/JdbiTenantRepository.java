package dev.tenantry.directory.storage;

import dev.tenantry.directory.DirectoryError;
import dev.tenantry.directory.Tenant;
import dev.tenantry.directory.TenantRepository;
import dev.tenantry.shared.ConflictException;
import dev.tenantry.shared.TenantId;
import dev.tenantry.storage.SqlStates;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** Directories in SQL. */
public final class JdbiTenantRepository implements TenantRepository {

    private static final String COLUMNS = "id, display_name, country_code, initial_domain, created_at";

    private static final String INSERT = """
            INSERT INTO tenant (id, display_name, country_code, initial_domain, created_at)
            VALUES (:id, :displayName, :countryCode, :initialDomain, :createdAt)
            """;

    private final Jdbi jdbi;

    public JdbiTenantRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void insert(Tenant tenant) {
        try {
            jdbi.useHandle(handle -> handle.createUpdate(INSERT)
                    .bind("id", tenant.id().value())
                    .bind("displayName", tenant.displayName())
                    .bind("countryCode", tenant.countryCode())
                    .bind("initialDomain", tenant.initialDomain().toLowerCase(Locale.ROOT))
                    .bind("createdAt", tenant.createdAt())
                    .execute());
        } catch (UnableToExecuteStatementException e) {
            if (SqlStates.isUniqueViolation(e)) {
                throw new ConflictException(
                        DirectoryError.DOMAIN_TAKEN,
                        "The domain '" + tenant.initialDomain() + "' is already taken.",
                        "domainPrefix");
            }
            throw e;
        }
    }

    @Override
    public Optional<Tenant> findById(TenantId id) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM tenant WHERE id = :id")
                .bind("id", id.value())
                .map(JdbiTenantRepository::toTenant)
                .findOne());
    }

    @Override
    public Optional<Tenant> findByDomain(String domain) {
        return jdbi.withHandle(
                handle -> handle.createQuery("SELECT " + COLUMNS + " FROM tenant WHERE initial_domain = :domain")
                        .bind("domain", domain.strip().toLowerCase(Locale.ROOT))
                        .map(JdbiTenantRepository::toTenant)
                        .findOne());
    }

    @Override
    public void lock(TenantId id) {
        // FOR UPDATE on the parent row works alike on H2 and PostgreSQL: a second locker waits for the commit
        jdbi.useHandle(handle -> handle.createQuery("SELECT id FROM tenant WHERE id = :id FOR UPDATE")
                .bind("id", id.value())
                .mapTo(UUID.class)
                .findOne());
    }

    private static Tenant toTenant(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Tenant(
                new TenantId(rs.getObject("id", UUID.class)),
                rs.getString("display_name"),
                rs.getString("country_code"),
                rs.getString("initial_domain"),
                ctx.findColumnMapperFor(Instant.class).orElseThrow().map(rs, "created_at", ctx));
    }
}
