package dev.tenantry.identity;

import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.UserId;
import java.time.Instant;
import java.util.UUID;

/**
 * A device authorization (RFC 8628, issue 11): the device polls with the device code, stored only as its hash; the
 * user enters the short user code on the verification page and approves or declines.
 *
 * @param tenantId the tenant the device asked at, null for {@code common} or {@code organizations} until a user
 *     decides; then the user's
 * @param userId the user who approved or declined, null while pending
 * @param lastPolledAt the device's last poll, null before the first
 * @param sid the {@code sid} of the browser session that approved it (issue 11), null until then
 */
public record DeviceCode(
        String deviceCodeHash,
        String userCode,
        TenantId tenantId,
        UUID clientId,
        String scope,
        Instant createdAt,
        Instant expiresAt,
        State state,
        UserId userId,
        Instant lastPolledAt,
        String sid) {

    /** Where the authorization stands. */
    public enum State {
        PENDING,
        APPROVED,
        DECLINED,
        REDEEMED
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
