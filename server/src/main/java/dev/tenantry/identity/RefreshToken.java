package dev.tenantry.identity;

import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.UserId;
import java.time.Instant;
import java.util.UUID;

/**
 * A stored refresh token: only the SHA-256 of its text, its rotation family, whom and which client it was issued
 * to, whether it was used (rotated) or revoked, and the {@code sid} of the browser session its family's sign-in began
 * in (issue 11; null for a sign-in without one, such as the password grant), which ID tokens issued on refresh carry.
 */
public record RefreshToken(
        String tokenHash,
        UUID familyId,
        TenantId tenantId,
        UserId userId,
        UUID clientId,
        String scope,
        Instant issuedAt,
        Instant expiresAt,
        Instant usedAt,
        boolean revoked,
        String sid) {}
