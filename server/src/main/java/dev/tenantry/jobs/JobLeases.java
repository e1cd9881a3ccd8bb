package dev.tenantry.jobs;

import java.time.Instant;
import java.util.Optional;

/** Stores one lease per job, shared by every node; taking a lease is atomic, so of nodes racing exactly one wins. */
public interface JobLeases {

    /**
     * Takes the lease of job {@code name} for {@code holder} until {@code leaseUntil} and records a start at {@code now},
     * if the job has not started since {@code notStartedSince} and its lease is free, expired at {@code now}, or
     * already {@code holder}'s. Creates the lease on the job's first run. False when another node holds the lease or
     * the job is not due yet; then the caller must not run it.
     */
    boolean tryStart(String name, String holder, Instant now, Instant notStartedSince, Instant leaseUntil);

    /** Records how the run {@code holder} started ended; a no-op when the lease has passed to another node since. */
    void finish(String name, String holder, Instant now, JobOutcome outcome);

    /** Ends {@code holder}'s lease at {@code now}, so another node can take the job over without waiting. */
    void release(String name, String holder, Instant now);

    /** The lease of job {@code name}, empty before its first run. */
    Optional<JobLease> find(String name);
}
