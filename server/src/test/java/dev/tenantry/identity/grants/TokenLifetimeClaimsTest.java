package dev.tenantry.identity.grants;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("issue 11: a token lifetime policy's lifetime sets exp − iat and expires_in")
class TokenLifetimeClaimsTest {

    @Test
    @DisplayName("issue 11: exp is iat plus the policy's lifetime; expires_in a second under it, as the built-in")
    void lifetimeSetsExpiry() {
        Instant now = Instant.parse("2026-01-01T10:00:00Z");
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(TokenClaims.LIFETIME)))
                .claim("tid", "t")
                .build();

        JWTClaimsSet shaped = TokenClaims.withLifetime(claims, Duration.ofHours(2));

        assertThat(shaped.getExpirationTime().toInstant()).isEqualTo(now.plus(Duration.ofHours(2)));
        assertThat(shaped.getClaim("tid")).isEqualTo("t");
        assertThat(TokenClaims.expiresIn(Duration.ofHours(2))).isEqualTo(7199);
        assertThat(TokenClaims.expiresIn(TokenClaims.LIFETIME)).isEqualTo(TokenClaims.EXPIRES_IN);
    }
}
