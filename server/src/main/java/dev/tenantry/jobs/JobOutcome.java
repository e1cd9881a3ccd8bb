package dev.tenantry.jobs;

/** How the last run of a job ended. */
public enum JobOutcome {
    SUCCEEDED,
    FAILED
}
