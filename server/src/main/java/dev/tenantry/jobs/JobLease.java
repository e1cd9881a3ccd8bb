package dev.tenantry.jobs;

import java.time.Instant;

/**
 * The lease row of one job: which node holds it and until when, and how its last run went.
 *
 * @param holder the node that last took the lease, null before the first run
 * @param lastOutcome null while the first run is under way
 */
public record JobLease(
        String name,
        String holder,
        Instant leaseUntil,
        Instant lastStartedAt,
        Instant lastFinishedAt,
        JobOutcome lastOutcome) {}
