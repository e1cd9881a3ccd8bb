package dev.tenantry.app.testmode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Faults a test injects (issue 14): for requests whose path matches a pattern ({@code *} any run of characters within
 * a segment, {@code **} across segments), answer with a status and the surface's error body, add latency, or throttle
 * with {@code 429} and {@code Retry-After} — for the next {@code times} calls, or for {@code percent} of them.
 */
public final class Faults {

    /** One fault; {@code times} -1 means until cleared; {@code percent} 100 means every matching call. */
    public record Fault(
            String id,
            String pattern,
            String method,
            int status,
            String code,
            String message,
            long latencyMillis,
            Integer retryAfterSeconds,
            int times,
            int percent) {}

    /** What a matching call gets: its latency, then (unless {@code status} is 0) the status and an error body. */
    public record Hit(Fault fault, long latencyMillis, int status) {}

    private final List<Armed> armed = new ArrayList<>();

    private static final class Armed {
        final Fault fault;
        final Pattern pattern;
        int remaining;

        Armed(Fault fault) {
            this.fault = fault;
            this.pattern = glob(fault.pattern());
            this.remaining = fault.times();
        }
    }

    public synchronized Fault add(
            String pattern,
            String method,
            int status,
            String code,
            String message,
            long latencyMillis,
            Integer retryAfterSeconds,
            Integer times,
            Integer percent) {
        if (pattern == null || pattern.isBlank()) {
            throw new IllegalArgumentException("a fault needs a 'pattern', such as /v1.0/users/**");
        }
        if (status != 0 && (status < 400 || status > 599)) {
            throw new IllegalArgumentException("a fault's 'status' is 400 to 599 (or 0 for latency only)");
        }
        int p = percent == null ? 100 : percent;
        if (p < 1 || p > 100) {
            throw new IllegalArgumentException("'percent' is 1 to 100");
        }
        Fault fault = new Fault(
                UUID.randomUUID().toString(),
                pattern,
                method == null ? null : method.toUpperCase(Locale.ROOT),
                status,
                code,
                message,
                Math.max(0, latencyMillis),
                retryAfterSeconds,
                times == null ? -1 : times,
                p);
        armed.add(new Armed(fault));
        return fault;
    }

    public synchronized void clear() {
        armed.clear();
    }

    public synchronized List<Fault> list() {
        return armed.stream().map(a -> a.fault).toList();
    }

    /** The fault this call meets, if any; a counted fault is spent by it. */
    public synchronized Optional<Hit> match(String method, String path) {
        for (var iterator = armed.iterator(); iterator.hasNext(); ) {
            Armed candidate = iterator.next();
            Fault fault = candidate.fault;
            if ((fault.method() != null && !fault.method().equals(method))
                    || !candidate.pattern.matcher(path).matches()) {
                continue;
            }
            if (fault.percent() < 100 && ThreadLocalRandom.current().nextInt(100) >= fault.percent()) {
                continue;
            }
            if (candidate.remaining > 0 && --candidate.remaining == 0) {
                iterator.remove();
            }
            return Optional.of(new Hit(fault, fault.latencyMillis(), fault.status()));
        }
        return Optional.empty();
    }

    static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '*' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '*') {
                regex.append(".*");
                i++;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
