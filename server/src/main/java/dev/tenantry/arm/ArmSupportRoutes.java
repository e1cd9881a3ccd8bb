package dev.tenantry.arm;

import dev.tenantry.shared.Ids;
import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.shared.RequestError;
import dev.tenantry.subscriptions.NewSupportTicket;
import dev.tenantry.subscriptions.SupportService;
import dev.tenantry.subscriptions.SupportTicket;
import dev.tenantry.web.Authentication;
import dev.tenantry.web.Gate;
import dev.tenantry.web.JsonBody;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * ARM's {@code Microsoft.Support/supportTickets} at subscription scope ({@code api-version=2020-04-01}), the subset
 * scripts use: create (PUT, answered at once as created), list and get. These routes honour no query option but
 * {@code api-version}; any other is refused.
 */
public final class ArmSupportRoutes {

    private static final String COLLECTION =
            "/subscriptions/{subscriptionId}/providers/Microsoft.Support/supportTickets";
    private static final DateTimeFormatter ARM_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private final SupportService support;

    public ArmSupportRoutes(SupportService support) {
        this.support = support;
    }

    public void register(RoutesConfig routes) {
        routes.get(COLLECTION, this::list, Gate.MANAGEMENT);
        routes.get(COLLECTION + "/{name}", this::get, Gate.MANAGEMENT);
        routes.put(COLLECTION + "/{name}", this::create, Gate.MANAGEMENT);
    }

    record ContactBody(
            String firstName,
            String lastName,
            String preferredContactMethod,
            String primaryEmailAddress,
            String phoneNumber,
            String preferredTimeZone,
            String country,
            String preferredSupportLanguage,
            List<String> additionalEmailAddresses) {}

    record TicketProperties(
            String title,
            String description,
            String serviceId,
            String problemClassificationId,
            String severity,
            ContactBody contactDetails) {}

    record TicketBody(TicketProperties properties) {}

    private void list(Context ctx) {
        UUID subscription = subscription(ctx);
        ctx.json(ArmJson.list(
                support.list(Authentication.caller(ctx), subscription).stream()
                        .map(ArmSupportRoutes::json)
                        .toList(),
                null));
    }

    private void get(Context ctx) {
        UUID subscription = subscription(ctx);
        ctx.json(json(support.get(Authentication.caller(ctx), subscription, ctx.pathParam("name"))));
    }

    private void create(Context ctx) {
        UUID subscription = subscription(ctx);
        TicketBody body = JsonBody.read(ctx, TicketBody.class);
        TicketProperties p = body.properties();
        if (p == null || p.contactDetails() == null) {
            throw new InvalidRequestException(
                    RequestError.MISSING_FIELD,
                    "Send {\"properties\":{\"title\",\"description\",\"serviceId\",\"problemClassificationId\","
                            + "\"severity\",\"contactDetails\":{\"firstName\",\"lastName\",\"preferredContactMethod\","
                            + "\"primaryEmailAddress\",…}}}.",
                    p == null ? "properties" : "contactDetails");
        }
        ContactBody c = p.contactDetails();
        SupportTicket ticket = support.open(
                Authentication.caller(ctx),
                subscription,
                ctx.pathParam("name"),
                new NewSupportTicket(
                        p.title(),
                        p.description(),
                        p.serviceId(),
                        p.problemClassificationId(),
                        p.severity(),
                        c.firstName(),
                        c.lastName(),
                        c.primaryEmailAddress(),
                        c.preferredContactMethod(),
                        c.phoneNumber(),
                        c.preferredTimeZone(),
                        c.country(),
                        c.preferredSupportLanguage()));
        ctx.status(201).json(json(ticket));
    }

    /** Checks {@code api-version} and refuses any other query option; the subscription of the path. */
    private static UUID subscription(Context ctx) {
        ArmJson.requireOnlyOptions(ctx, Set.of());
        return Ids.parseUuid(ctx.pathParam("subscriptionId"), "subscription id");
    }

    static Map<String, Object> json(SupportTicket ticket) {
        SupportTicket.Contact contact = ticket.contact();
        Map<String, Object> contactDetails = new LinkedHashMap<>();
        contactDetails.put("firstName", contact.firstName());
        contactDetails.put("lastName", contact.lastName());
        contactDetails.put("preferredContactMethod", contact.method().armName());
        contactDetails.put("primaryEmailAddress", contact.email());
        contactDetails.put("additionalEmailAddresses", List.of());
        contactDetails.put("phoneNumber", contact.phone());
        contactDetails.put("preferredTimeZone", contact.timeZone());
        contactDetails.put("country", contact.country());
        contactDetails.put("preferredSupportLanguage", contact.language());
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("supportTicketId", ticket.ticketNumber());
        properties.put("description", ticket.description());
        properties.put("problemClassificationId", ticket.problemClassificationId());
        properties.put("severity", ticket.severity().armName());
        properties.put("require24X7Response", false);
        properties.put("contactDetails", contactDetails);
        properties.put("title", ticket.title());
        properties.put("serviceId", ticket.serviceId());
        properties.put("status", ticket.status().armName());
        properties.put("createdDate", ARM_TIME.format(ticket.createdAt()));
        properties.put("modifiedDate", ARM_TIME.format(ticket.createdAt()));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put(
                "id",
                "/subscriptions/" + ticket.subscriptionId() + "/providers/Microsoft.Support/supportTickets/"
                        + ticket.name());
        json.put("name", ticket.name());
        json.put("type", "Microsoft.Support/supportTickets");
        json.put("properties", properties);
        return json;
    }
}
