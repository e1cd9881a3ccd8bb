package dev.tenantry.testing;

import dev.tenantry.shared.ConflictException;
import dev.tenantry.subscriptions.SubscriptionError;
import dev.tenantry.subscriptions.SupportTicket;
import dev.tenantry.subscriptions.SupportTicketRepository;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Support requests in a map, keyed by subscription and name; lists newest first. */
public final class InMemorySupportTicketRepository implements SupportTicketRepository, Restorable {

    private final Map<List<Object>, SupportTicket> tickets = new HashMap<>();

    @Override
    public void insert(SupportTicket ticket) {
        if (tickets.putIfAbsent(List.of(ticket.subscriptionId(), ticket.name()), ticket) != null) {
            throw new ConflictException(
                    SubscriptionError.SUPPORT_TICKET_EXISTS,
                    "A support ticket named '" + ticket.name() + "' exists in this subscription already.");
        }
    }

    @Override
    public Optional<SupportTicket> findByName(UUID subscriptionId, String name) {
        return Optional.ofNullable(tickets.get(List.of(subscriptionId, name)));
    }

    @Override
    public List<SupportTicket> bySubscription(UUID subscriptionId) {
        return tickets.values().stream()
                .filter(t -> t.subscriptionId().equals(subscriptionId))
                .sorted(Comparator.comparing(SupportTicket::createdAt)
                        .thenComparing(SupportTicket::ticketNumber)
                        .reversed())
                .toList();
    }

    @Override
    public Runnable snapshot() {
        return Restorable.copyOf(tickets);
    }
}
