package dev.tenantry.directory.guests;

/**
 * What an inviter sends (Graph's invitation body): the address to invite, an optional display name, where the invitee
 * lands after redeeming (an absolute http or https URL), and the user type ({@code Guest}, the default, is the one
 * supported).
 */
public record NewInvitation(String invitedEmail, String displayName, String redirectUrl, String userType) {}
