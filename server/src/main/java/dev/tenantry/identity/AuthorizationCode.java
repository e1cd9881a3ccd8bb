package dev.tenantry.identity;

import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.UserId;
import java.time.Instant;
import java.util.UUID;

/**
 * A stored authorization code (RFC 6749 §4.1, issue 11): only the SHA-256 of its text, whom it signs in to which
 * client, the redirect URI and PKCE challenge (RFC 7636, S256) it is bound to, the scope asked for and the consented
 * {@code scp}, the OpenID Connect {@code nonce}, the refresh token family its redemption starts, and the {@code sid}
 * of the browser session that authorised it (null when none; its ID tokens carry it, for front-channel logout).
 */
public record AuthorizationCode(
        String codeHash,
        UUID familyId,
        TenantId tenantId,
        UserId userId,
        UUID clientId,
        String redirectUri,
        String scope,
        String scp,
        String nonce,
        String codeChallenge,
        Instant issuedAt,
        Instant expiresAt,
        Instant usedAt,
        String sid) {

    @Override
    public String toString() {
        return "AuthorizationCode[client=" + clientId + ", tenant=" + tenantId + ", used=" + (usedAt != null) + "]";
    }
}
