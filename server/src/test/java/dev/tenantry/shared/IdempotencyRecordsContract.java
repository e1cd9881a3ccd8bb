package dev.tenantry.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What every {@link IdempotencyRecords} does (issue 8: a contract per fake, run on the fake and on SQL). */
public abstract class IdempotencyRecordsContract {

    private static final Instant NOW = Instant.parse("2025-06-15T10:00:00Z");

    protected abstract IdempotencyRecords records();

    @Test
    @DisplayName("issue 8: a claim is found running, then with its answer and Location once complete")
    void claimThenComplete() {
        records().claim("user:1", "signups", "k", "hash", NOW);

        assertThat(records().find("user:1", "signups", "k"))
                .hasValueSatisfying(answer -> assertThat(answer.status()).isZero());
        records().complete("user:1", "signups", "k", 201, "{\"id\":1}", "/api/tenants/1");

        assertThat(records().find("user:1", "signups", "k"))
                .contains(new IdempotencyRecords.Answer("hash", 201, "{\"id\":1}", "/api/tenants/1", NOW));
    }

    @Test
    @DisplayName("issue 8: a second claim of the same key by the same caller on the same route is in use")
    void secondClaimIsInUse() {
        records().claim("user:1", "signups", "k", "hash", NOW);

        assertThatThrownBy(() -> records().claim("user:1", "signups", "k", "other", NOW))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.errorCode())
                        .isEqualTo(RequestError.IDEMPOTENCY_KEY_IN_USE));
        records().claim("user:2", "signups", "k", "hash", NOW);
        records().claim("user:1", "orders", "k", "hash", NOW);
    }

    @Test
    @DisplayName("issue 8: a forgotten key may be claimed again; the purge deletes records older than the cutoff")
    void forgetAndPurge() {
        records().claim("user:1", "signups", "old", "hash", NOW.minus(Duration.ofDays(2)));
        records().claim("user:1", "signups", "new", "hash", NOW);
        records().forget("user:1", "signups", "new");
        records().claim("user:1", "signups", "new", "hash", NOW);

        assertThat(records().deleteCreatedBefore(NOW.minus(Duration.ofDays(1)))).isEqualTo(1);
        assertThat(records().find("user:1", "signups", "old")).isEmpty();
        assertThat(records().find("user:1", "signups", "new")).isPresent();
    }
}
