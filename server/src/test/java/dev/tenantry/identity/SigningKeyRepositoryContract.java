package dev.tenantry.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What every {@link SigningKeyRepository} does (issue 8: a contract per fake, run on the fake and on SQL). */
public abstract class SigningKeyRepositoryContract {

    private static final Instant NOW = Instant.parse("2025-06-15T10:00:00Z");

    protected abstract SigningKeyRepository keys();

    private static SigningKey key(String kid) {
        return new SigningKey(kid, "private-" + kid, "public-" + kid, NOW, true, null);
    }

    @Test
    @DisplayName("issue 8: there is no key before the first start")
    void noKeyAtFirst() {
        assertThat(keys().all()).isEmpty();
    }

    @Test
    @DisplayName("issue 8: the first key is created once; a later try loses and leaves the first")
    void firstKeyIsCreatedOnce() {
        SigningKey first = key("kid-1");

        assertThat(keys().tryCreateFirst(first)).isTrue();
        assertThat(keys().tryCreateFirst(key("kid-2"))).isFalse();

        assertThat(keys().all()).containsExactly(first);
    }
}
