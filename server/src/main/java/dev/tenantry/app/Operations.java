package dev.tenantry.app;

import java.util.Locale;
import java.util.Map;

/**
 * How a server runs, apart from what it serves: its database pool, its log format, who may read its metrics and how
 * long it drains requests when it stops.
 *
 * @param dbPoolSize connections in the database pool ({@code --db-pool-size}, {@code TENANTRY_DB_POOL_SIZE})
 * @param logFormat {@code text} (one readable line per event) or {@code json} (one JSON object per line)
 * @param metricsToken the bearer token Prometheus presents on {@code /metrics}; null turns {@code /metrics} off (404)
 * @param drainSeconds how long a stopping server lets requests in flight finish before it closes their connections
 */
public record Operations(int dbPoolSize, String logFormat, String metricsToken, int drainSeconds) {

    public static final int DEFAULT_DB_POOL_SIZE = 16;
    public static final int DEFAULT_DRAIN_SECONDS = 10;

    public Operations {
        logFormat = logFormat == null ? "text" : logFormat.strip().toLowerCase(Locale.ROOT);
        if (!logFormat.equals("text") && !logFormat.equals("json")) {
            throw new IllegalArgumentException("log format is text or json, not '" + logFormat + "'");
        }
        if (dbPoolSize < 1 || dbPoolSize > 1000) {
            throw new IllegalArgumentException("database pool size is 1 to 1000, not " + dbPoolSize);
        }
        if (drainSeconds < 0 || drainSeconds > 3600) {
            throw new IllegalArgumentException("drain time is 0 to 3600 seconds, not " + drainSeconds);
        }
        if (metricsToken != null && metricsToken.isBlank()) {
            metricsToken = null;
        }
        if (metricsToken != null && metricsToken.strip().length() < 16) {
            throw new IllegalArgumentException("the metrics token must be at least 16 characters");
        }
    }

    public static Operations defaults() {
        return new Operations(DEFAULT_DB_POOL_SIZE, "text", null, DEFAULT_DRAIN_SECONDS);
    }

    /** {@code TENANTRY_DB_POOL_SIZE}, {@code _LOG_FORMAT}, {@code _METRICS_TOKEN}, {@code _DRAIN_SECONDS} over these. */
    Operations fromEnv(Map<String, String> env) {
        try {
            return new Operations(
                    env.containsKey("TENANTRY_DB_POOL_SIZE")
                            ? number("TENANTRY_DB_POOL_SIZE", env.get("TENANTRY_DB_POOL_SIZE"), 1, 1000)
                            : dbPoolSize,
                    env.getOrDefault("TENANTRY_LOG_FORMAT", logFormat),
                    env.getOrDefault("TENANTRY_METRICS_TOKEN", metricsToken),
                    env.containsKey("TENANTRY_DRAIN_SECONDS")
                            ? number("TENANTRY_DRAIN_SECONDS", env.get("TENANTRY_DRAIN_SECONDS"), 0, 3600)
                            : drainSeconds);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("TENANTRY_* environment: " + e.getMessage(), e);
        }
    }

    public Operations withDbPoolSize(int size) {
        return new Operations(size, logFormat, metricsToken, drainSeconds);
    }

    public Operations withLogFormat(String format) {
        return new Operations(dbPoolSize, format, metricsToken, drainSeconds);
    }

    public Operations withDrainSeconds(int seconds) {
        return new Operations(dbPoolSize, logFormat, metricsToken, seconds);
    }

    public Operations withMetricsToken(String token) {
        return new Operations(dbPoolSize, logFormat, token, drainSeconds);
    }

    /** {@code value} as a whole number from {@code min} to {@code max}, or a refusal naming {@code setting}. */
    static int number(String setting, String value, int min, int max) {
        int parsed;
        try {
            parsed = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(setting + " must be a whole number, not '" + value + "'", e);
        }
        if (parsed < min || parsed > max) {
            throw new IllegalArgumentException(setting + " must be from " + min + " to " + max + ", not " + parsed);
        }
        return parsed;
    }

    @Override
    public String toString() {
        return "Operations[dbPoolSize=" + dbPoolSize + ", logFormat=" + logFormat + ", metricsToken="
                + (metricsToken == null ? "off" : "***") + ", drainSeconds=" + drainSeconds + "]";
    }
}
