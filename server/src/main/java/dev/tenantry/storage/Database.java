package dev.tenantry.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The connection pool, the migrated schema and the Jdbi over them: one per server. */
public final class Database implements AutoCloseable {

    /** H2 as Tenantry runs it: PostgreSQL's dialect, lower-case names and PostgreSQL's NULL ordering. */
    private static final String H2_MODE = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    /** The embedded database in {@code file} (H2 adds {@code .mv.db}); waits up to 10 s for a row lock. */
    public static String h2FileUrl(Path file) {
        return "jdbc:h2:file:" + file.toAbsolutePath() + H2_MODE + ";LOCK_TIMEOUT=10000";
    }

    /** A private in-memory database named {@code name}, kept until the JVM exits; for tests. */
    public static String h2MemoryUrl(String name) {
        return "jdbc:h2:mem:" + name + H2_MODE + ";DB_CLOSE_DELAY=-1";
    }

    /** Connections in a pool when the configuration does not say. */
    public static final int DEFAULT_POOL_SIZE = 16;

    /** Connections an idle pool keeps open (issue 13: start time and an idle node's memory and database sessions). */
    static final int MIN_IDLE = 2;

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final HikariDataSource dataSource;
    private volatile boolean migrated;
    private volatile ScheduledExecutorService syncing;
    private final Jdbi jdbi;

    private Database(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
        jdbi.registerArgument(new InstantArgumentFactory());
        jdbi.registerArgument(new UuidArgumentFactory());
        jdbi.registerColumnMapper(Instant.class, instantMapper(inProcess(dataSource.getJdbcUrl())));
    }

    /**
     * Opens a pool on {@code jdbcUrl} and brings the schema up to date with the Flyway migrations. An embedded H2 file
     * database writes every commit to its file before the commit returns (see {@link #durable(String)}) and creates
     * its files owner-only (see {@link OwnerOnlyFilePath}).
     */
    public static Database open(String jdbcUrl, String user, String password) {
        return open(jdbcUrl, user, password, DEFAULT_POOL_SIZE);
    }

    /** As {@link #open(String, String, String)}, with {@code poolSize} connections at most. */
    public static Database open(String jdbcUrl, String user, String password, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(ownerOnly(untraced(durable(jdbcUrl))));
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        // open connections as requests need them, not all at start (Hikari's default keeps the pool full): an idle
        // node holds MIN_IDLE connections, a busy one up to poolSize, back to MIN_IDLE after Hikari's 10 idle minutes
        config.setMinimumIdle(Math.min(MIN_IDLE, poolSize));
        config.setPoolName("tenantry");
        config.setAutoCommit(true);
        HikariDataSource dataSource = new HikariDataSource(config);
        boolean upToDate;
        try {
            // a schema that already has every migration this server carries (the usual start) needs no Flyway
            upToDate = UpToDateSchema.check(dataSource);
            if (!upToDate) {
                Flyway.configure()
                        .dataSource(dataSource)
                        .locations("classpath:" + UpToDateSchema.LOCATION)
                        .placeholders(placeholders(jdbcUrl))
                        .load()
                        .migrate();
            }
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        Database database = new Database(dataSource);
        database.migrated = upToDate;
        if (embeddedFile(jdbcUrl)) {
            database.syncEverySecond();
        }
        return database;
    }

    /** Forces the embedded database's file to disk every {@link #SYNC_EVERY}, on a daemon thread of its own. */
    @SuppressWarnings("FutureReturnValueIgnored") // sync() handles its own failures: the future carries nothing
    private void syncEverySecond() {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("h2-sync").daemon().factory());
        timer.scheduleWithFixedDelay(() -> sync(), SYNC_EVERY.toMillis(), SYNC_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        syncing = timer;
    }

    /** {@code CHECKPOINT SYNC}: H2 writes what it holds and forces its file to disk; false, logged, when it could not. */
    boolean sync() {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT SYNC");
            return true;
        } catch (SQLException | RuntimeException e) {
            // the next run tries again; a database that stays unreachable shows in readiness and in every request
            LOG.warn("could not force the database file to disk: {}", e.toString());
            return false;
        }
    }

    /** Whether the database runs inside this process (H2), so its work is this process's CPU, not a round trip. */
    public boolean inProcess() {
        return inProcess(dataSource.getJdbcUrl());
    }

    static boolean inProcess(String jdbcUrl) {
        return jdbcUrl.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:");
    }

    /** Whether {@code jdbcUrl} is an H2 database in a file (in this process, not in memory). */
    private static boolean embeddedFile(String jdbcUrl) {
        return inProcess(jdbcUrl) && !jdbcUrl.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:mem:");
    }

    /**
     * The two things the migrations say differently on PostgreSQL and H2: a generated column is {@code STORED} on
     * PostgreSQL (H2 refuses the word), and a column compared by prefix range compares in the "C" collation there (code
     * point order, as H2 compares strings), whatever the database's own collation (V30).
     */
    static Map<String, String> placeholders(String jdbcUrl) {
        boolean postgres = jdbcUrl.toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:");
        return Map.of(
                "name_collation", postgres ? " COLLATE \"C\"" : "", "generated_stored", postgres ? " STORED" : "");
    }

    /**
     * {@code jdbcUrl} with H2's delayed write turned off. By default H2 keeps commits in memory for up to 500 ms
     * ({@code WRITE_DELAY}), so a process killed in that window loses transactions it already acknowledged. With
     * {@code WRITE_DELAY=0} the MVStore writes the commit to its file before {@code commit()} returns, which survives a
     * crash of the process ({@code kill -9}); H2 does not fsync each commit, so surviving a power loss takes
     * PostgreSQL. Other databases' URLs are returned as they are.
     */
    static String durable(String jdbcUrl) {
        if (!embeddedFile(jdbcUrl)) {
            return jdbcUrl;
        }
        String lower = jdbcUrl.toLowerCase(Locale.ROOT);
        String url = lower.contains(";write_delay=") ? jdbcUrl : jdbcUrl + ";WRITE_DELAY=0";
        return lower.contains(";retention_time=") ? url : url + ";RETENTION_TIME=" + RETENTION.toMillis();
    }

    /**
     * How long H2 keeps a chunk of its file after nothing live is left in it, before writing over it (issue 13). H2's
     * default, 45 s, assumes the operating system writes the file out within that time, and with a chunk per commit
     * ({@code WRITE_DELAY=0}) it made the file grow by every chunk of the last 45 s: at 2 000 commits a second, GBs,
     * and a list of 200 000 chunks that every commit writes a page of (each commit took twice as long). With
     * {@link #SYNC_EVERY} forcing the file to disk, a chunk superseded more than that long ago is on disk before the
     * one it superseded is overwritten, so a power loss leaves the file consistent; it may lose the last second.
     */
    static final Duration RETENTION = Duration.ofSeconds(2);

    /** How often an embedded H2 file is forced to disk ({@code CHECKPOINT SYNC}): see {@link #RETENTION}. */
    static final Duration SYNC_EVERY = Duration.ofSeconds(1);

    /**
     * {@code jdbcUrl} with H2's trace file turned off: by default H2 writes a failing statement to
     * {@code tenantry.trace.db} with its bound values, which are personal data (e-mail, phone, address) and token
     * hashes. Failures reach the server's own log, redacted; other databases' URLs are returned as they are.
     */
    static String untraced(String jdbcUrl) {
        String lower = jdbcUrl.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("jdbc:h2:") || lower.contains(";trace_level_file=")) {
            return jdbcUrl;
        }
        return jdbcUrl + ";TRACE_LEVEL_FILE=0";
    }

    /** An embedded H2 {@code jdbc:h2:file:} URL on the {@link OwnerOnlyFilePath} file system; others unchanged. */
    static String ownerOnly(String jdbcUrl) {
        String file = "jdbc:h2:file:";
        if (!jdbcUrl.regionMatches(true, 0, file, 0, file.length())) {
            return jdbcUrl;
        }
        OwnerOnlyFilePath.register();
        return "jdbc:h2:" + OwnerOnlyFilePath.SCHEME + ":" + jdbcUrl.substring(file.length());
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /**
     * Whether the database answers within two seconds and its schema is the one this server's migrations make (none
     * pending, none failed): the readiness check.
     */
    public boolean ready() {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(2);
            try (ResultSet failed =
                    statement.executeQuery("SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE NOT \"success\"")) {
                failed.next();
                if (failed.getLong(1) > 0) {
                    return false;
                }
            }
            if (!migrated) { // pending migrations cannot reappear once applied: Flyway's scan runs until it finds none
                migrated = Flyway.configure()
                                .dataSource(dataSource)
                                .locations("classpath:db/migration")
                                .placeholders(placeholders(dataSource.getJdbcUrl()))
                                .load()
                                .info()
                                .pending()
                                .length
                        == 0;
            }
            return migrated;
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /** Publishes the pool's gauges and timers ({@code hikaricp_connections_*}) to {@code registry}. */
    public void bindMetrics(io.micrometer.core.instrument.MeterRegistry registry) {
        dataSource.setMetricRegistry(registry);
    }

    @Override
    public void close() {
        ScheduledExecutorService timer = syncing;
        if (timer != null) {
            // not interrupted: an interrupt during the file's force would close H2's channel under it
            timer.shutdown();
            try {
                timer.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        dataSource.close();
    }

    /**
     * Instants are stored as {@code TIMESTAMP WITH TIME ZONE} in UTC, written as {@code OffsetDateTime}, and read as
     * instants: H2 makes one directly, where going through an {@code OffsetDateTime} made five objects a row (a Graph
     * page of 100 users reads 100); PostgreSQL's driver has no {@code Instant} and gives an {@code OffsetDateTime}.
     */
    private static ColumnMapper<Instant> instantMapper(boolean h2) {
        if (h2) {
            return (rs, column, ctx) -> rs.getObject(column, Instant.class);
        }
        return (rs, column, ctx) -> {
            OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
            return value == null ? null : value.toInstant();
        };
    }

    /**
     * UUIDs as the driver's own type; a null one (bound with {@code bindByType(…, UUID.class)}) as a null of no
     * particular SQL type, which PostgreSQL takes for a {@code uuid} column — Jdbi's default binds it as text, which
     * PostgreSQL refuses there.
     */
    private static final class UuidArgumentFactory extends AbstractArgumentFactory<java.util.UUID> {
        UuidArgumentFactory() {
            super(Types.OTHER);
        }

        @Override
        protected Argument build(java.util.UUID value, ConfigRegistry config) {
            return (position, statement, ctx) -> statement.setObject(position, value);
        }
    }

    private static final class InstantArgumentFactory extends AbstractArgumentFactory<Instant> {
        InstantArgumentFactory() {
            super(Types.TIMESTAMP_WITH_TIMEZONE);
        }

        @Override
        protected Argument build(Instant value, ConfigRegistry config) {
            return (position, statement, ctx) -> statement.setObject(position, value.atOffset(ZoneOffset.UTC));
        }
    }
}
