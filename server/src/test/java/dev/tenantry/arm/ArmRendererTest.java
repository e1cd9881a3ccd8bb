package dev.tenantry.arm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.testing.ErrorCodes;
import dev.tenantry.web.Failures;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ArmRendererTest {

    @Test
    @DisplayName("issue 8: every error code has an Azure Resource Manager error code")
    void everyCodeHasAnArmCode() {
        assertThat(ErrorCodes.all())
                .allSatisfy(code -> assertThat(ArmRenderer.armCode(Failures.statusOf(code.kind()), code.value()))
                        .as(code.value())
                        .matches("[A-Z][A-Za-z]+")
                        .isNotEqualTo("InternalServerError"));
    }
}
