package dev.tenantry.app.testmode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The clock of a server in test mode (issue 14): it follows the system clock, shifted by an offset, until a test
 * freezes it; {@link #set} and {@link #advance} move it. Tokens, codes, sessions, trials and the lifecycle jobs all
 * read it, because {@code Services.wire} hands it to every service.
 */
public final class ControllableClock extends Clock {

    private final Clock system;
    private Duration offset = Duration.ZERO;
    private Instant frozenAt;

    public ControllableClock(Clock system) {
        this.system = system;
    }

    public static ControllableClock systemUtc() {
        return new ControllableClock(Clock.systemUTC());
    }

    /** Stops the clock at its current instant. */
    public synchronized Instant freeze() {
        frozenAt = instant();
        return frozenAt;
    }

    /** Lets the clock run again from where it stands. */
    public synchronized Instant unfreeze() {
        Instant now = instant();
        frozenAt = null;
        offset = Duration.between(system.instant(), now);
        return now;
    }

    /** Moves the clock to {@code instant}; a frozen clock stays frozen there. */
    public synchronized Instant set(Instant instant) {
        if (frozenAt != null) {
            frozenAt = instant;
        } else {
            offset = Duration.between(system.instant(), instant);
        }
        return instant;
    }

    /** Moves the clock forward (or back, with a negative duration). */
    public synchronized Instant advance(Duration duration) {
        return set(instant().plus(duration));
    }

    /** Back to the system's time, running. */
    public synchronized void reset() {
        frozenAt = null;
        offset = Duration.ZERO;
    }

    public synchronized boolean frozen() {
        return frozenAt != null;
    }

    @Override
    public synchronized Instant instant() {
        return frozenAt != null ? frozenAt : system.instant().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
