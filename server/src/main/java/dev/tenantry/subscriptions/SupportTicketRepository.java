package dev.tenantry.subscriptions;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stores support requests of cloud subscriptions. */
public interface SupportTicketRepository {

    /** Inserts; a name taken in the subscription is a {@code ConflictException}. */
    void insert(SupportTicket ticket);

    Optional<SupportTicket> findByName(UUID subscriptionId, String name);

    /** The subscription's tickets, newest first. */
    List<SupportTicket> bySubscription(UUID subscriptionId);
}
