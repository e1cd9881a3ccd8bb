package dev.tenantry.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantry.shared.RuleViolationException;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private static final String UPN = "kelley@contoso.onmicrosoft.test";

    @Test
    void strongPasswordPasses() {
        String password = "Correct-Horse-9";

        assertThatCode(() -> PasswordPolicy.check(password, UPN)).doesNotThrowAnyException();
    }

    @Test
    void missingPasswordIsRequired() {
        assertThatThrownBy(() -> PasswordPolicy.check(null, UPN))
                .isInstanceOf(RuleViolationException.class)
                .hasMessage("A password is required.");
    }

    @Test
    void shortPasswordNamesTheLengthRule() {
        assertThatThrownBy(() -> PasswordPolicy.check("Ab1!x", UPN))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("at least 8 characters (it has 5)")
                .hasMessageNotContaining("three of these four");
    }

    @Test
    void overlongPasswordNamesTheMaximum() {
        String password = "Ab1!".repeat(65);

        assertThatThrownBy(() -> PasswordPolicy.check(password, UPN))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("at most 256 characters");
    }

    @Test
    void twoCharacterClassesNameTheThreeOfFourRule() {
        assertThatThrownBy(() -> PasswordPolicy.check("onlylowercase99", UPN))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("three of these four: lower-case letters, upper-case letters, digits, symbols")
                .hasMessageNotContaining("at least 8");
    }

    @Test
    void passwordContainingTheAliasNamesTheUserNameRule() {
        assertThatThrownBy(() -> PasswordPolicy.check("My-KELLEY-9", UPN))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("must not contain the user name 'kelley'");
    }

    @Test
    void everyMissingRuleIsNamedAtOnce() {
        assertThatThrownBy(() -> PasswordPolicy.check("kelley", UPN))
                .isInstanceOfSatisfying(
                        RuleViolationException.class, e -> assertThat(e.code()).isEqualTo("weak_password"))
                .hasMessageContaining("at least 8 characters")
                .hasMessageContaining("three of these four")
                .hasMessageContaining("must not contain the user name 'kelley'");
    }
}
