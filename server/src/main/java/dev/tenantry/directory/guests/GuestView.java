package dev.tenantry.directory.guests;

import dev.tenantry.directory.Guest;
import dev.tenantry.directory.User;

/** A guest as the consoles list it: its user object and its link. */
public record GuestView(User user, Guest guest) {}
