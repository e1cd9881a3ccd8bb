package dev.tenantry.arm;

import dev.tenantry.shared.InvalidRequestException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code $filter} of ARM's activity log ({@code eventtypes/management/values}): a time window,
 * {@code eventTimestamp ge '…' and eventTimestamp le '…'}, which ARM requires, optionally narrowed by
 * {@code resourceGroupName eq '…'} and {@code resourceProvider eq '…'}. Anything else is refused with a 400.
 *
 * @see <a href="https://learn.microsoft.com/rest/api/monitor/activity-logs/list">Activity Logs - List</a>
 */
record ArmActivityLogFilter(Instant from, Instant to, String resourceGroup, String resourceProvider) {

    private static final Pattern TERM = Pattern.compile("(?i)^\\s*(\\w+)\\s+(eq|ge|le)\\s+'([^']*)'\\s*$");
    private static final Pattern AND = Pattern.compile("\\s+(?i:and)\\s+");

    static ArmActivityLogFilter parse(String filter) {
        if (filter == null || filter.isBlank()) {
            throw invalid("The $filter query parameter is required: eventTimestamp ge '…' and eventTimestamp le '…'.");
        }
        Instant from = null;
        Instant to = null;
        String group = null;
        String provider = null;
        for (String term : AND.split(filter.strip(), -1)) {
            Matcher m = TERM.matcher(term);
            if (!m.matches()) {
                throw unsupported(term);
            }
            String field = m.group(1).toLowerCase(Locale.ROOT);
            String op = m.group(2).toLowerCase(Locale.ROOT);
            String value = m.group(3);
            switch (field + " " + op) {
                case "eventtimestamp ge" -> from = once(from, time(value), term);
                case "eventtimestamp le" -> to = once(to, time(value), term);
                case "resourcegroupname eq" -> group = once(group, value, term);
                case "resourceprovider eq" -> provider = once(provider, value, term);
                default -> throw unsupported(term);
            }
        }
        if (from == null || to == null) {
            throw invalid("The $filter must give the time window: eventTimestamp ge '…' and eventTimestamp le '…'.");
        }
        return new ArmActivityLogFilter(from, to, group, provider);
    }

    private static <T> T once(T current, T value, String term) {
        if (current != null) {
            throw invalid("The $filter names '" + term.strip() + "' twice or contradicts itself.");
        }
        return value;
    }

    private static Instant time(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return Instant.parse(text + "Z");
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException notDate) {
                    throw invalid("'" + text + "' is not a time; write it as 2026-12-01T00:00:00Z.");
                }
            }
        }
    }

    private static InvalidRequestException unsupported(String term) {
        return invalid("The filter term '" + term.strip() + "' is not supported. Supported: eventTimestamp ge '…', "
                + "eventTimestamp le '…', resourceGroupName eq '…', resourceProvider eq '…', joined by 'and'.");
    }

    private static InvalidRequestException invalid(String message) {
        return new InvalidRequestException(ArmError.INVALID_ACTIVITY_FILTER, message);
    }
}
