package dev.tenantry.jobs;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Job leases in a map, with the conditions of the SQL adapter; each method is atomic. */
public final class InMemoryJobLeases implements JobLeases {

    private final Map<String, JobLease> leases = new ConcurrentHashMap<>();

    @Override
    public synchronized boolean tryStart(
            String name, String holder, Instant now, Instant notStartedSince, Instant leaseUntil) {
        JobLease lease = leases.get(name);
        boolean free = lease == null
                || lease.holder() == null
                || lease.holder().equals(holder)
                || !lease.leaseUntil().isAfter(now);
        boolean due = lease == null
                || lease.lastStartedAt() == null
                || !lease.lastStartedAt().isAfter(notStartedSince);
        if (!free || !due) {
            return false;
        }
        leases.put(
                name,
                new JobLease(
                        name,
                        holder,
                        leaseUntil,
                        now,
                        lease == null ? null : lease.lastFinishedAt(),
                        lease == null ? null : lease.lastOutcome()));
        return true;
    }

    @Override
    public synchronized void finish(String name, String holder, Instant now, JobOutcome outcome) {
        leases.computeIfPresent(
                name,
                (key, lease) -> holder.equals(lease.holder())
                        ? new JobLease(name, holder, lease.leaseUntil(), lease.lastStartedAt(), now, outcome)
                        : lease);
    }

    @Override
    public synchronized void release(String name, String holder, Instant now) {
        leases.computeIfPresent(
                name,
                (key, lease) -> holder.equals(lease.holder())
                                && lease.leaseUntil().isAfter(now)
                        ? new JobLease(
                                name, holder, now, lease.lastStartedAt(), lease.lastFinishedAt(), lease.lastOutcome())
                        : lease);
    }

    @Override
    public Optional<JobLease> find(String name) {
        return Optional.ofNullable(leases.get(name));
    }
}
