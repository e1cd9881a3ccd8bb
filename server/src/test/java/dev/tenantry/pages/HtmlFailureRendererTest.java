package dev.tenantry.pages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.testing.ErrorCodes;
import dev.tenantry.web.Failures;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HtmlFailureRendererTest {

    @Test
    @DisplayName("issue 8: every error code has a page title that is not the server-fault one")
    void everyCodeHasATitle() {
        String serverFault = HtmlFailureRenderer.title(500);
        assertThat(ErrorCodes.all())
                .allSatisfy(code -> assertThat(HtmlFailureRenderer.title(Failures.statusOf(code.kind())))
                        .as(code.value())
                        .isNotBlank()
                        .isNotEqualTo(serverFault));
    }
}
