package dev.tenantry.jobs;

/** The job-lease contract on the in-memory fake. */
class InMemoryJobLeasesTest extends JobLeasesContract {

    private final InMemoryJobLeases leases = new InMemoryJobLeases();

    @Override
    protected JobLeases leases() {
        return leases;
    }
}
