package dev.tenantry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantry.shared.InvalidRequestException;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FormBodyTest {

    @Test
    void decodesPlusEscapesAndUtf8() {
        assertThat(FormBody.parse("a=x+y%20z&b=%C3%A9t%C3%A9&c&d=&a=2"))
                .containsEntry("a", List.of("x y z", "2"))
                .containsEntry("b", List.of("été"))
                .containsEntry("c", List.of(""))
                .containsEntry("d", List.of(""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a=%zz", "a=%", "a=%4", "%g0=x", "a=%C3%28", "a=%FF", "a=%\u0663\u0663"})
    @DisplayName("issue 7.5: a form that cannot be read is refused, never half-read")
    void unreadableFormIsRefused(String body) {
        assertThatThrownBy(() -> FormBody.parse(body))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class, e -> assertThat(e.code()).isEqualTo("invalid_request"));
    }
}
