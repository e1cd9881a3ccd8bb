package dev.tenantry.testing;

import dev.tenantry.identity.Lockout;
import dev.tenantry.identity.LockoutRepository;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Failed-credential counts in a map; {@code compute} makes an update atomic, as the row lock does in SQL, and a state
 * with no failure time is never stale, as {@code NULL < x} is not true in SQL.
 */
public final class InMemoryLockoutRepository implements LockoutRepository, Restorable {

    private final Map<String, Lockout> bySubject = new ConcurrentHashMap<>();

    @Override
    public Optional<Lockout> find(String subject) {
        return Optional.ofNullable(bySubject.get(subject));
    }

    @Override
    public Lockout update(String subject, UnaryOperator<Lockout> change) {
        return bySubject.compute(
                subject, (key, current) -> change.apply(current == null ? Lockout.none(key) : current));
    }

    @Override
    public void delete(String subject) {
        bySubject.remove(subject);
    }

    @Override
    public int deleteStale(Instant staleBefore, Instant now) {
        int before = bySubject.size();
        bySubject
                .values()
                .removeIf(l -> l.lastFailureAt() != null
                        && l.lastFailureAt().isBefore(staleBefore)
                        && (l.lockedUntil() == null || !l.lockedUntil().isAfter(now)));
        return before - bySubject.size();
    }

    /** Every subject with a count, for tests that check what is stored. */
    public Set<String> subjects() {
        return Set.copyOf(bySubject.keySet());
    }

    @Override
    public Runnable snapshot() {
        return Restorable.copyOf(bySubject);
    }
}
