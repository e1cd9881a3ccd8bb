package dev.tenantry.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void aSecretForCommandLinesNeverStartsLikeAnOption() {
        // az login -p -abc… fails with "expected one argument": one plain secret in 64 starts with '-'
        assertThat(IntStream.range(0, 5_000).mapToObj(i -> Secrets.randomArgument(32)))
                .allSatisfy(secret -> {
                    assertThat(secret).doesNotStartWith("-").hasSize(43);
                });
    }

    @Test
    void constantTimeEqualsComparesWholeTexts() {
        assertThat(Secrets.constantTimeEquals("abc", "abc")).isTrue();
        assertThat(Secrets.constantTimeEquals("abc", "abd")).isFalse();
        assertThat(Secrets.constantTimeEquals("abc", "ab")).isFalse();
    }
}
