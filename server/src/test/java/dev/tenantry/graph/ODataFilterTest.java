package dev.tenantry.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantry.directory.UserFilter;
import dev.tenantry.directory.UserFilter.Operator;
import dev.tenantry.directory.UserFilter.Property;
import dev.tenantry.shared.InvalidRequestException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ODataFilterTest {

    @Test
    void parsesEquality() {
        List<UserFilter> filters = ODataFilter.parse("userPrincipalName eq 'alice@contoso.example'");

        assertThat(filters)
                .containsExactly(new UserFilter(Property.USER_PRINCIPAL_NAME, Operator.EQ, "alice@contoso.example"));
    }

    @Test
    void parsesStartsWithIgnoringCaseAndSpaces() {
        List<UserFilter> filters = ODataFilter.parse("  StartsWith( displayName , 'Al' ) ");

        assertThat(filters).containsExactly(new UserFilter(Property.DISPLAY_NAME, Operator.STARTS_WITH, "Al"));
    }

    @Test
    void combinesClausesWithAnd() {
        List<UserFilter> filters = ODataFilter.parse("startswith(givenName,'K') and accountEnabled eq true");

        assertThat(filters)
                .containsExactly(
                        new UserFilter(Property.GIVEN_NAME, Operator.STARTS_WITH, "K"),
                        new UserFilter(Property.ACCOUNT_ENABLED, Operator.EQ, "true"));
    }

    @Test
    void unescapesDoubledQuotes() {
        List<UserFilter> filters = ODataFilter.parse("surname eq 'O''Brien'");

        assertThat(filters.get(0).value()).isEqualTo("O'Brien");
    }

    @Test
    void blankFilterIsNoFilter() {
        assertThat(ODataFilter.parse(null)).isEmpty();
        assertThat(ODataFilter.parse(" ")).isEmpty();
    }

    @Test
    void orIsRefusedNamingWhatIsSupported() {
        assertThatThrownBy(() -> ODataFilter.parse("displayName eq 'a' or displayName eq 'b'"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("expected 'and'")
                .hasMessageContaining("startswith(property,'value')");
    }

    @Test
    void otherOperatorsAreRefused() {
        assertThatThrownBy(() -> ODataFilter.parse("displayName ne 'a'"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("expected 'eq'");
        assertThatThrownBy(() -> ODataFilter.parse("endswith(mail,'x')"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("endswith");
    }

    @Test
    void unknownPropertyAndUnclosedQuoteAreRefused() {
        assertThatThrownBy(() -> ODataFilter.parse("city eq 'Paris'"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("city");
        assertThatThrownBy(() -> ODataFilter.parse("displayName eq 'Al"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("not closed");
    }
}
