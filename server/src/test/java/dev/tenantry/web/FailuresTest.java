package dev.tenantry.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.testing.ErrorCodes;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FailuresTest {

    @Test
    @DisplayName("issue 8: every error code maps to a client-error or busy status")
    void everyCodeHasAStatus() {
        assertThat(ErrorCodes.all()).allSatisfy(code -> assertThat(Failures.statusOf(code.kind()))
                .as(code.value())
                .isBetween(400, 503)
                .isNotEqualTo(500));
    }
}
