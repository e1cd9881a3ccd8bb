package dev.tenantry.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantry.identity.RefreshToken;
import dev.tenantry.identity.storage.JdbiRefreshTokenRepository;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** V43 turns the table of one row per refresh token into one row per family, keeping every token handed out. */
class RefreshTokenFamiliesMigrationTest {

    static final Instant NOW = Instant.parse("2026-11-01T12:00:00Z");

    final String url = Database.h2MemoryUrl(UUID.randomUUID().toString());
    final Jdbi jdbi = Jdbi.create(url, "sa", "");
    final UUID tenant = UUID.randomUUID();
    final UUID user = UUID.randomUUID();
    final UUID client = UUID.randomUUID();

    void migrate(String target) {
        Flyway.configure()
                .dataSource(url, "sa", "")
                .locations("classpath:" + UpToDateSchema.LOCATION)
                .placeholders(Database.placeholders(url))
                .target(target)
                .load()
                .migrate();
    }

    void oldToken(String hash, UUID family, Instant usedAt, boolean revoked) {
        jdbi.useHandle(handle -> handle.createUpdate("""
                        INSERT INTO refresh_token (token_hash, family_id, tenant_id, user_id, client_id, scope,
                            issued_at, expires_at, used_at, revoked, sid)
                        VALUES (:hash, :family, :tenant, :user, :client, 'openid offline_access', :now, :expires,
                            :usedAt, :revoked, 'sid-1')""")
                .bind("hash", hash)
                .bind("family", family)
                .bind("tenant", tenant)
                .bind("user", user)
                .bind("client", client)
                .bind("now", NOW)
                .bind("expires", NOW.plus(90, ChronoUnit.DAYS))
                .bind("usedAt", usedAt)
                .bind("revoked", revoked)
                .execute());
    }

    @Test
    @DisplayName("issue 13: V43 keeps each family's live token as its generation 0 and every token's hash with its"
            + " family")
    void familiesKeepTheirLiveTokens() {
        migrate("42");
        jdbi.useHandle(handle -> {
            handle.execute(
                    "INSERT INTO tenant (id, display_name, country_code, initial_domain, created_at)"
                            + " VALUES (?, 'Contoso', 'US', 'contoso.test', CURRENT_TIMESTAMP)",
                    tenant);
            handle.execute("""
                    INSERT INTO directory_user (id, tenant_id, user_principal_name, upn_key, display_name,
                        mail_nickname, account_enabled, user_type, created_at)
                    VALUES (?, ?, 'kelley@contoso.test', 'kelley@contoso.test', 'Kelley', 'kelley', TRUE, 'MEMBER',
                        CURRENT_TIMESTAMP)""", user, tenant);
        });
        UUID rotated = UUID.randomUUID();
        UUID revoked = UUID.randomUUID();
        oldToken("rotated-spent", rotated, NOW.minusSeconds(60), false);
        oldToken("rotated-live", rotated, null, false);
        oldToken("revoked-live", revoked, null, true);

        migrate("latest");

        JdbiRefreshTokenRepository families = new JdbiRefreshTokenRepository(jdbi);
        RefreshToken family = families.findFamily(rotated).orElseThrow();
        assertThat(family.generation()).isZero();
        assertThat(family.tokenHash()).isEqualTo("rotated-live");
        assertThat(family.userId().value()).isEqualTo(user);
        assertThat(family.clientId()).isEqualTo(client);
        assertThat(family.sid()).isEqualTo("sid-1");
        assertThat(family.revoked()).isFalse();
        assertThat(families.findFamily(revoked).orElseThrow().revoked()).isTrue();
        assertThat(families.findLegacyFamily("rotated-spent")).contains(rotated);
        assertThat(families.findLegacyFamily("rotated-live")).contains(rotated);
        assertThat(families.findLegacyFamily("revoked-live")).contains(revoked);
        assertThatThrownBy(() -> jdbi.useHandle(handle -> handle.execute("SELECT COUNT(*) FROM refresh_token")))
                .as("the old table is gone")
                .hasMessageContaining("refresh_token");
    }
}
