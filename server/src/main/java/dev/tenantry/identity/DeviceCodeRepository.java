package dev.tenantry.identity;

import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.UserId;
import java.time.Instant;
import java.util.Optional;

/** Stores device authorizations (issue 11) in the database, so any node answers the device's polls. */
public interface DeviceCodeRepository {

    /** Inserts a pending authorization; false when its user code is taken (the caller draws another). */
    boolean insert(DeviceCode code);

    Optional<DeviceCode> findByHash(String deviceCodeHash);

    Optional<DeviceCode> findByUserCode(String userCode);

    /**
     * Moves the pending, unexpired authorization of {@code userCode} to {@code decision} (approved or declined) by
     * the user {@code userId} of {@code tenantId} (which becomes the authorization's tenant) in the browser session
     * {@code sid} (nullable); false when it is no longer pending or has expired at {@code now}. Atomic.
     */
    boolean decide(
            String userCode, DeviceCode.State decision, TenantId tenantId, UserId userId, String sid, Instant now);

    /** Records the device's poll at {@code at}. */
    void polled(String deviceCodeHash, Instant at);

    /** Moves an approved authorization to redeemed; false when it was not approved (so tokens are issued once). */
    boolean redeem(String deviceCodeHash);

    /** Deletes authorizations that expired before {@code before}; returns how many. */
    int deleteExpired(Instant before);
}
