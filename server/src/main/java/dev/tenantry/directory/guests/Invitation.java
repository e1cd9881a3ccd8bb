package dev.tenantry.directory.guests;

import dev.tenantry.directory.Guest;
import dev.tenantry.directory.User;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * An invitation just made or made again: the guest user object, its link, and the single-use redeem ticket in plain
 * text (shown only in this answer; null when the guest already accepted, so there is nothing left to redeem).
 */
public record Invitation(UUID id, User user, Guest guest, String ticket) {

    /** Graph's invitation {@code status}: {@code Completed} once redeemed. */
    public String status() {
        return guest.accepted() ? "Completed" : "PendingAcceptance";
    }

    /** The path of the redeem page on this server, to be put after the server's public origin. */
    public String redeemPath() {
        String path = "/redeem?tenant=" + guest.tenantId() + "&guest=" + guest.userId();
        return ticket == null ? path : path + "&ticket=" + URLEncoder.encode(ticket, StandardCharsets.UTF_8);
    }
}
