package dev.tenantry.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.testing.ErrorCodes;
import dev.tenantry.web.Failures;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GraphFailureRendererTest {

    @Test
    @DisplayName("issue 8: every error code has a Graph error code")
    void everyCodeHasAGraphCode() {
        assertThat(ErrorCodes.all()).allSatisfy(code -> assertThat(
                        GraphFailureRenderer.graphCode(Failures.statusOf(code.kind()), code.value()))
                .as(code.value())
                .matches("[A-Za-z_]+")
                .isNotEqualTo("generalException"));
    }
}
