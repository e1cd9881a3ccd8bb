package dev.tenantry.directory.guests;

import dev.tenantry.directory.Guest;
import dev.tenantry.directory.Tenant;

/** What the redeem page shows before the invitee accepts: the inviting directory and the invitation. */
public record RedeemOffer(Tenant inviter, Guest guest) {}
