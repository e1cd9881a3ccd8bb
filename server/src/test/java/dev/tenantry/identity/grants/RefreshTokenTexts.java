package dev.tenantry.identity.grants;

import java.util.UUID;

/** What tests read from a refresh token's text: its family and generation (issue 13). */
public final class RefreshTokenTexts {

    private RefreshTokenTexts() {}

    public static UUID familyOf(String refreshToken) {
        return RefreshTokenText.parse(refreshToken).orElseThrow().familyId();
    }

    public static int generationOf(String refreshToken) {
        return RefreshTokenText.parse(refreshToken).orElseThrow().generation();
    }
}
