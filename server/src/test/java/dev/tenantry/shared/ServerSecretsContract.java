package dev.tenantry.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What every {@link ServerSecrets} does (issue 8: a contract per fake, run on the fake and on SQL). */
public abstract class ServerSecretsContract {

    protected abstract ServerSecrets secrets();

    @Test
    @DisplayName("issue 8: a secret is made on first use and the same ever after; names are apart")
    void sameSecretForTheSameName() {
        byte[] first = secrets().getOrCreate("page-tokens", 32);

        assertThat(first).hasSize(32);
        assertThat(secrets().getOrCreate("page-tokens", 32)).isEqualTo(first);
        assertThat(secrets().getOrCreate("other", 32)).isNotEqualTo(first);
    }
}
