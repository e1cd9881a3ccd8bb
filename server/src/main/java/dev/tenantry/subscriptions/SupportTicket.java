package dev.tenantry.subscriptions;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * A support request opened on a cloud subscription, as ARM's {@code Microsoft.Support/supportTickets} has it: a name
 * unique in the subscription, a ticket number, what the problem is, how severe, and whom to contact.
 */
public record SupportTicket(
        UUID id,
        UUID subscriptionId,
        String name,
        String ticketNumber,
        String title,
        String description,
        String serviceId,
        String problemClassificationId,
        Severity severity,
        Status status,
        Contact contact,
        UUID createdBy,
        Instant createdAt) {

    /** ARM's severities; the portal's A, B and C are critical, moderate and minimal. */
    public enum Severity {
        MINIMAL("minimal", "C"),
        MODERATE("moderate", "B"),
        CRITICAL("critical", "A"),
        HIGHEST_CRITICAL_IMPACT("highestcriticalimpact", "A (highest critical impact)");

        private final String armName;
        private final String portalLabel;

        Severity(String armName, String portalLabel) {
            this.armName = armName;
            this.portalLabel = portalLabel;
        }

        public String armName() {
            return armName;
        }

        public String portalLabel() {
            return portalLabel;
        }

        /** The severity ARM names {@code name} (any case), or the portal's letter A, B or C. */
        public static Optional<Severity> parse(String name) {
            if (name == null) {
                return Optional.empty();
            }
            String key = name.strip().toLowerCase(Locale.ROOT);
            return switch (key) {
                case "a" -> Optional.of(CRITICAL);
                case "b" -> Optional.of(MODERATE);
                case "c" -> Optional.of(MINIMAL);
                default ->
                    Arrays.stream(values()).filter(s -> s.armName.equals(key)).findFirst();
            };
        }
    }

    /** ARM's ticket states. */
    public enum Status {
        OPEN("Open"),
        CLOSED("Closed");

        private final String armName;

        Status(String armName) {
            this.armName = armName;
        }

        public String armName() {
            return armName;
        }
    }

    /** How the contact prefers to be reached. */
    public enum ContactMethod {
        EMAIL("email"),
        PHONE("phone");

        private final String armName;

        ContactMethod(String armName) {
            this.armName = armName;
        }

        public String armName() {
            return armName;
        }

        public static Optional<ContactMethod> parse(String name) {
            return Arrays.stream(values())
                    .filter(m -> name != null && m.armName.equalsIgnoreCase(name.strip()))
                    .findFirst();
        }
    }

    /** Whom support contacts; the time zone, country (ISO 3166 alpha-2 or -3) and language are optional. */
    public record Contact(
            String firstName,
            String lastName,
            String email,
            ContactMethod method,
            String phone,
            String timeZone,
            String country,
            String language) {}
}
