package dev.tenantry.pages.guests;

import dev.tenantry.pages.Chrome;

/**
 * Model of guests/redeem.jte: the consent page of a B2B invitation, naming the inviting directory, the address
 * invited and the home account signed in, with the ticket to post back.
 */
public record RedeemPage(
        Chrome chrome,
        String inviterName,
        String inviterDomain,
        String invitedEmail,
        String tenantId,
        String guestId,
        String ticket) {}
