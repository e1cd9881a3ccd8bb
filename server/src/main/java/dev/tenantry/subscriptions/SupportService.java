package dev.tenantry.subscriptions;

import dev.tenantry.access.SubscriptionScope;
import dev.tenantry.directory.Text;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.Column;
import dev.tenantry.shared.ConflictException;
import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.shared.NotFoundException;
import dev.tenantry.shared.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Issue 10: support requests on a cloud subscription ("contact support"): opened, listed and read by anyone holding a
 * role on the subscription (R14: to anyone else it does not exist), a disabled one included, since that is when
 * people need support most.
 */
public final class SupportService {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    private static final String SERVICES = "/providers/Microsoft.Support/services/";
    private static final Pattern SERVICE_ID =
            Pattern.compile("/providers/Microsoft\\.Support/services/[A-Za-z0-9-]{1,64}", Pattern.CASE_INSENSITIVE);
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()-]{4,32}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2,3}");
    private static final DateTimeFormatter NUMBER_DATE =
            DateTimeFormatter.ofPattern("yyMMdd").withZone(ZoneOffset.UTC);

    /** The problem types the portal offers, each a service and one of its problem classifications. */
    public static final List<ProblemType> PROBLEM_TYPES = List.of(
            problemType(
                    "billing",
                    "Billing",
                    "517f2da6-78fd-0498-4e22-ad26996b1dfc",
                    "e5dd9ac9-f56c-4e7c-a0c1-3f0d8b5e1b01"),
            problemType(
                    "subscription",
                    "Subscription management",
                    "f3dc5421-79ef-1efa-41a5-42bf3cbb52c6",
                    "6c2f9a16-2b67-4e6b-9bd4-1d8e0e1e6a02"),
            problemType(
                    "quota",
                    "Service and subscription limits (quotas)",
                    "06bfd9d3-516b-d5c6-5802-169c800dec89",
                    "3b1c2f0e-8a5d-4c7e-9f61-7a2b9c4d0e03"),
            problemType(
                    "access",
                    "Access and role assignments",
                    "d58a3d1e-3b57-4a66-8c5c-0e7a35d3b2f4",
                    "9a4e6b2c-5d1f-4e8a-b7c3-2f6d8e0a1b04"));

    private final SubscriptionService subscriptions;
    private final SupportTicketRepository tickets;
    private final Transactions transactions;
    private final Clock clock;

    public SupportService(
            SubscriptionService subscriptions,
            SupportTicketRepository tickets,
            Transactions transactions,
            Clock clock) {
        this.subscriptions = subscriptions;
        this.tickets = tickets;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A problem type of the portal: its key, label, service and problem classification. */
    public record ProblemType(String key, String label, String serviceId, String problemClassificationId) {}

    private static ProblemType problemType(String key, String label, String service, String classification) {
        return new ProblemType(
                key, label, SERVICES + service, SERVICES + service + "/problemClassifications/" + classification);
    }

    /** Opens a support request named {@code name} (unique in the subscription) for a caller with a role on it. */
    public SupportTicket open(Caller caller, UUID subscriptionId, String name, NewSupportTicket request) {
        String checkedName = checkName(name);
        return transactions.inTransaction(() -> {
            SubscriptionScope scope = subscriptions.scope(caller, subscriptionId);
            SupportTicket ticket = validate(scope.subscriptionId(), checkedName, request, caller);
            if (tickets.findByName(subscriptionId, checkedName).isPresent()) {
                throw new ConflictException(
                        SubscriptionError.SUPPORT_TICKET_EXISTS,
                        "A support ticket named '" + checkedName + "' exists in this subscription already; choose "
                                + "another name.",
                        "name");
            }
            tickets.insert(ticket);
            return ticket;
        });
    }

    /** The subscription's support requests, newest first. */
    public List<SupportTicket> list(Caller caller, UUID subscriptionId) {
        return transactions.inTransaction(() -> {
            subscriptions.scope(caller, subscriptionId);
            return tickets.bySubscription(subscriptionId);
        });
    }

    /** One support request of the subscription, by name. */
    public SupportTicket get(Caller caller, UUID subscriptionId, String name) {
        return transactions.inTransaction(() -> {
            subscriptions.scope(caller, subscriptionId);
            return tickets.findByName(subscriptionId, name)
                    .orElseThrow(() -> new NotFoundException(
                            SubscriptionError.SUPPORT_TICKET_NOT_FOUND,
                            "There is no support ticket '" + name + "' in the subscription '" + subscriptionId + "'."));
        });
    }

    /** A new name for a request opened without one (the portal's). */
    public static String newName() {
        return UUID.randomUUID().toString();
    }

    private SupportTicket validate(UUID subscriptionId, String name, NewSupportTicket request, Caller caller) {
        if (request == null) {
            throw invalid(
                    "properties",
                    "Send the ticket's properties: title, description, serviceId, "
                            + "problemClassificationId, severity and contactDetails.");
        }
        String serviceId = Text.required(request.serviceId(), "serviceId", Column.SUPPORT_TICKET_SERVICE_ID);
        if (!SERVICE_ID.matcher(serviceId).matches()) {
            throw invalid(
                    "serviceId",
                    "'serviceId' must be a service's id, such as "
                            + PROBLEM_TYPES.get(0).serviceId() + ".");
        }
        String classification = Text.required(
                request.problemClassificationId(),
                "problemClassificationId",
                Column.SUPPORT_TICKET_PROBLEM_CLASSIFICATION_ID);
        String prefix = serviceId + "/problemClassifications/";
        if (!classification.toLowerCase(Locale.ROOT).startsWith(prefix.toLowerCase(Locale.ROOT))
                || !NAME.matcher(classification.substring(prefix.length())).matches()) {
            throw invalid(
                    "problemClassificationId",
                    "'problemClassificationId' must be a problem classification of the service, " + prefix + "{id}.");
        }
        SupportTicket.Severity severity = SupportTicket.Severity.parse(request.severity())
                .orElseThrow(() -> invalid(
                        "severity",
                        "'severity' must be one of minimal, moderate, critical or highestcriticalimpact (A, B or C in "
                                + "the portal)."));
        SupportTicket.ContactMethod method = SupportTicket.ContactMethod.parse(request.contactMethod())
                .orElseThrow(
                        () -> invalid("preferredContactMethod", "'preferredContactMethod' must be email or phone."));
        String email = Text.required(request.email(), "primaryEmailAddress", Column.SUPPORT_CONTACT_EMAIL);
        if (!EMAIL.matcher(email).matches()) {
            throw invalid(
                    "primaryEmailAddress", "'primaryEmailAddress' must be an email address such as name@example.com.");
        }
        String phone = Text.optional(request.phone(), "phoneNumber", Column.SUPPORT_CONTACT_PHONE);
        if (phone != null && !PHONE.matcher(phone).matches()) {
            throw invalid("phoneNumber", "'phoneNumber' must be a phone number such as +31 20 123 4567.");
        }
        if (method == SupportTicket.ContactMethod.PHONE && phone == null) {
            throw invalid("phoneNumber", "'phoneNumber' is required when the preferred contact method is phone.");
        }
        String country = request.country() == null || request.country().isBlank()
                ? null
                : request.country().strip();
        if (country != null && !COUNTRY.matcher(country).matches()) {
            throw invalid("country", "'country' must be an ISO 3166 country code, such as usa or nl.");
        }
        Instant now = clock.instant();
        return new SupportTicket(
                UUID.randomUUID(),
                subscriptionId,
                name,
                NUMBER_DATE.format(now)
                        + String.format(
                                Locale.ROOT,
                                "%010d",
                                ThreadLocalRandom.current().nextLong(10_000_000_000L)),
                Text.required(request.title(), "title", Column.SUPPORT_TICKET_TITLE),
                Text.required(request.description(), "description", Column.SUPPORT_TICKET_DESCRIPTION),
                serviceId,
                classification,
                severity,
                SupportTicket.Status.OPEN,
                new SupportTicket.Contact(
                        Text.required(request.firstName(), "firstName", Column.SUPPORT_CONTACT_FIRST_NAME),
                        Text.required(request.lastName(), "lastName", Column.SUPPORT_CONTACT_LAST_NAME),
                        email,
                        method,
                        phone,
                        Text.optional(request.timeZone(), "preferredTimeZone", Column.SUPPORT_CONTACT_TIME_ZONE),
                        country == null ? null : country.toLowerCase(Locale.ROOT),
                        Text.optional(request.language(), "preferredSupportLanguage", Column.SUPPORT_CONTACT_LANGUAGE)),
                principalOf(caller),
                now);
    }

    private static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw invalid(
                    "name",
                    "A support ticket's name is 1 to 64 letters, digits, hyphens or underscores, starting with a "
                            + "letter or digit.");
        }
        return name;
    }

    private static UUID principalOf(Caller caller) {
        return switch (caller) {
            case Caller.User user -> user.userId().value();
            case Caller.App app -> app.servicePrincipalId();
            case Caller.Operator ignored -> null;
        };
    }

    private static InvalidRequestException invalid(String field, String message) {
        return new InvalidRequestException(SubscriptionError.INVALID_SUPPORT_TICKET, message, field);
    }
}
