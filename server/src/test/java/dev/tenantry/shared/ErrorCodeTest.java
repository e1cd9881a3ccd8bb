package dev.tenantry.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantry.testing.ErrorCodes;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ErrorCodeTest {

    @Test
    @DisplayName("issue 8: every feature's codes are found, snake_case, and a wire value means one kind")
    void codesAreWellFormedAndUnambiguous() {
        assertThat(ErrorCodes.all())
                .extracting(code -> code.getClass().getSimpleName())
                .contains("RequestError", "DirectoryError", "AccessError", "SubscriptionError", "IdentityError");
        assertThat(ErrorCodes.all()).allSatisfy(code -> assertThat(code.value()).matches("[a-z][a-z0-9_]*"));
        Map<String, Set<ErrorCode.Kind>> kindsByValue = ErrorCodes.all().stream()
                .collect(Collectors.groupingBy(
                        ErrorCode::value, Collectors.mapping(ErrorCode::kind, Collectors.toSet())));
        assertThat(kindsByValue)
                .allSatisfy((value, kinds) -> assertThat(kinds).as(value).hasSize(1));
    }

    @Test
    @DisplayName("issue 8: an exception refuses a code of another kind, so a status is never contradicted")
    void exceptionsCarryCodesOfTheirKind() {
        assertThatThrownBy(() -> new NotFoundException(RequestError.MISSING_FIELD, "x"))
                .isInstanceOf(IllegalArgumentException.class);
        InvalidRequestException missing = new InvalidRequestException(RequestError.MISSING_FIELD, "x", "name");
        assertThat(missing.code()).isEqualTo("missing_field");
        assertThat(missing.errorCode()).isEqualTo(RequestError.MISSING_FIELD);
        assertThat(missing.field()).contains("name");
    }
}
