package dev.tenantry.jobs;

/** The body of a background job: one run, which must be safe to repeat (a run cut short is run again later). */
@FunctionalInterface
public interface Job {

    /**
     * Does the work once and returns a short summary for the log (counts, never personal data), or an empty string
     * when there is nothing to tell. A thrown exception marks the run failed; the next run still comes.
     */
    String run();
}
