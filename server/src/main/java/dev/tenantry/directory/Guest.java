package dev.tenantry.directory;

import dev.tenantry.shared.Caller;
import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.UserId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The B2B link of a guest user object (R2): the user {@code userId} of the inviting directory {@code tenantId} stands
 * for the person invited at {@code invitedEmail}, whose home account ({@code home}) is known once it is (an address of
 * a user of another directory, or the account that redeemed the invitation). The guest object has no password: the
 * person signs in with the home account. {@code redeemTokenHash} is the SHA-256 of the single-use redeem ticket, null
 * once redeemed. Graph's {@code creationType} of every guest here is {@code Invitation}.
 */
public record Guest(
        UserId userId,
        TenantId tenantId,
        String invitedEmail,
        Caller.Account home,
        ExternalUserState state,
        Instant stateChangedAt,
        String redirectUrl,
        String redeemTokenHash,
        UUID invitedBy,
        Instant createdAt) {

    /** Graph's {@code creationType} of a guest made by an invitation. */
    public static final String CREATION_TYPE = "Invitation";

    /** The home account, empty while an invitation to an unknown address waits. */
    public Optional<Caller.Account> homeAccount() {
        return Optional.ofNullable(home);
    }

    public boolean accepted() {
        return state == ExternalUserState.ACCEPTED;
    }

    /** The lower-cased invited address, as the directory keeps it unique. */
    public String invitedEmailKey() {
        return emailKey(invitedEmail);
    }

    /** This guest with a new redeem ticket (its hash) and redirect URL: a re-sent invitation. */
    public Guest reinvited(String tokenHash, String newRedirectUrl) {
        return new Guest(
                userId,
                tenantId,
                invitedEmail,
                home,
                state,
                stateChangedAt,
                newRedirectUrl,
                tokenHash,
                invitedBy,
                createdAt);
    }

    /** This guest redeemed by {@code account} at {@code at}: accepted, its ticket spent. */
    public Guest redeemedBy(Caller.Account account, Instant at) {
        return new Guest(
                userId,
                tenantId,
                invitedEmail,
                account,
                ExternalUserState.ACCEPTED,
                at,
                redirectUrl,
                null,
                invitedBy,
                createdAt);
    }

    /** The key an e-mail address is unique by: stripped and lower-cased. */
    public static String emailKey(String email) {
        return email.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
