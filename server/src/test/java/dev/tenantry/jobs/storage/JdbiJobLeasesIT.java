package dev.tenantry.jobs.storage;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tenantry.jobs.JobLeases;
import dev.tenantry.jobs.JobLeasesContract;
import dev.tenantry.storage.Database;
import dev.tenantry.testing.TestDatabases;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;

/**
 * The job-lease contract on the SQL adapter over a real database shared by two "nodes": H2 in PostgreSQL mode, and
 * PostgreSQL when {@code TENANTRY_TEST_PG_URL} is set (skipped otherwise).
 */
class JdbiJobLeasesIT {

    private static final Database H2 = TestDatabases.h2();
    private static final Optional<TestDatabases.Throwaway> POSTGRES = TestDatabases.postgres();

    @AfterAll
    static void close() {
        H2.close();
        POSTGRES.ifPresent(TestDatabases.Throwaway::close);
    }

    @Nested
    class OnH2 extends JobLeasesContract {
        @Override
        protected JobLeases leases() {
            return new JdbiJobLeases(H2.jdbi());
        }
    }

    @Nested
    class OnPostgres extends JobLeasesContract {
        @Override
        protected JobLeases leases() {
            assumeTrue(POSTGRES.isPresent(), "TENANTRY_TEST_PG_URL is not set");
            return new JdbiJobLeases(POSTGRES.orElseThrow().database().jdbi());
        }
    }
}
