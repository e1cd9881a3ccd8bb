package dev.tenantry.subscriptions.storage;

import dev.tenantry.shared.ConflictException;
import dev.tenantry.storage.SqlStates;
import dev.tenantry.subscriptions.SubscriptionError;
import dev.tenantry.subscriptions.SupportTicket;
import dev.tenantry.subscriptions.SupportTicketRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** Support requests in SQL. */
public final class JdbiSupportTicketRepository implements SupportTicketRepository {

    private static final String COLUMNS = "id, subscription_id, name, ticket_number, title, description, service_id,"
            + " problem_classification_id, severity, status, first_name, last_name, email, contact_method, phone,"
            + " time_zone, country, language, created_by, created_at";

    private static final String INSERT = "INSERT INTO support_ticket (" + COLUMNS + ") VALUES (:id, :subscriptionId,"
            + " :name, :ticketNumber, :title, :description, :serviceId, :problemClassificationId, :severity, :status,"
            + " :firstName, :lastName, :email, :contactMethod, :phone, :timeZone, :country, :language, :createdBy,"
            + " :createdAt)";

    private final Jdbi jdbi;

    public JdbiSupportTicketRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void insert(SupportTicket ticket) {
        SupportTicket.Contact contact = ticket.contact();
        try {
            jdbi.useHandle(handle -> handle.createUpdate(INSERT)
                    .bind("id", ticket.id())
                    .bind("subscriptionId", ticket.subscriptionId())
                    .bind("name", ticket.name())
                    .bind("ticketNumber", ticket.ticketNumber())
                    .bind("title", ticket.title())
                    .bind("description", ticket.description())
                    .bind("serviceId", ticket.serviceId())
                    .bind("problemClassificationId", ticket.problemClassificationId())
                    .bind("severity", ticket.severity().name())
                    .bind("status", ticket.status().name())
                    .bind("firstName", contact.firstName())
                    .bind("lastName", contact.lastName())
                    .bind("email", contact.email())
                    .bind("contactMethod", contact.method().name())
                    .bind("phone", contact.phone())
                    .bind("timeZone", contact.timeZone())
                    .bind("country", contact.country())
                    .bind("language", contact.language())
                    .bindByType("createdBy", ticket.createdBy(), UUID.class)
                    .bind("createdAt", ticket.createdAt())
                    .execute());
        } catch (UnableToExecuteStatementException e) {
            if (SqlStates.isUniqueViolation(e)) {
                throw new ConflictException(
                        SubscriptionError.SUPPORT_TICKET_EXISTS,
                        "A support ticket named '" + ticket.name() + "' exists in this subscription already.");
            }
            throw e;
        }
    }

    @Override
    public Optional<SupportTicket> findByName(UUID subscriptionId, String name) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS
                        + " FROM support_ticket WHERE subscription_id = :subscriptionId AND name = :name")
                .bind("subscriptionId", subscriptionId)
                .bind("name", name)
                .map(JdbiSupportTicketRepository::toTicket)
                .findOne());
    }

    @Override
    public List<SupportTicket> bySubscription(UUID subscriptionId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS
                        + " FROM support_ticket WHERE subscription_id = :subscriptionId"
                        + " ORDER BY created_at DESC, ticket_number DESC")
                .bind("subscriptionId", subscriptionId)
                .map(JdbiSupportTicketRepository::toTicket)
                .list());
    }

    private static SupportTicket toTicket(ResultSet rs, StatementContext ctx) throws SQLException {
        return new SupportTicket(
                rs.getObject("id", UUID.class),
                rs.getObject("subscription_id", UUID.class),
                rs.getString("name"),
                rs.getString("ticket_number"),
                rs.getString("title"),
                rs.getString("description"),
                rs.getString("service_id"),
                rs.getString("problem_classification_id"),
                SupportTicket.Severity.valueOf(rs.getString("severity")),
                SupportTicket.Status.valueOf(rs.getString("status")),
                new SupportTicket.Contact(
                        rs.getString("first_name"),
                        rs.getString("last_name"),
                        rs.getString("email"),
                        SupportTicket.ContactMethod.valueOf(rs.getString("contact_method")),
                        rs.getString("phone"),
                        rs.getString("time_zone"),
                        rs.getString("country"),
                        rs.getString("language")),
                rs.getObject("created_by", UUID.class),
                ctx.findColumnMapperFor(Instant.class).orElseThrow().map(rs, "created_at", ctx));
    }
}
