package dev.tenantry.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantry.directory.GroupFilter;
import dev.tenantry.directory.UserFilter;
import dev.tenantry.directory.UserFilter.Operator;
import dev.tenantry.directory.UserFilter.Property;
import dev.tenantry.shared.InvalidRequestException;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ODataFilterTest {

    @Test
    void parsesEquality() {
        List<UserFilter> filters = ODataFilter.users("userPrincipalName eq 'alice@contoso.example'");

        assertThat(filters)
                .containsExactly(new UserFilter(Property.USER_PRINCIPAL_NAME, Operator.EQ, "alice@contoso.example"));
    }

    @Test
    void parsesStartsWithIgnoringCaseAndSpaces() {
        List<UserFilter> filters = ODataFilter.users("  StartsWith( displayName , 'Al' ) ");

        assertThat(filters).containsExactly(new UserFilter(Property.DISPLAY_NAME, Operator.STARTS_WITH, "Al"));
    }

    @Test
    void combinesClausesWithAnd() {
        List<UserFilter> filters = ODataFilter.users("startswith(givenName,'K') and accountEnabled eq true");

        assertThat(filters)
                .containsExactly(
                        new UserFilter(Property.GIVEN_NAME, Operator.STARTS_WITH, "K"),
                        new UserFilter(Property.ACCOUNT_ENABLED, Operator.EQ, "true"));
    }

    @Test
    void unescapesDoubledQuotes() {
        List<UserFilter> filters = ODataFilter.users("surname eq 'O''Brien'");

        assertThat(filters.get(0).value()).isEqualTo("O'Brien");
    }

    @Test
    void blankFilterIsNoFilter() {
        assertThat(ODataFilter.users(null)).isEmpty();
        assertThat(ODataFilter.users(" ")).isEmpty();
    }

    @Test
    void orIsRefusedNamingWhatIsSupported() {
        assertThatThrownBy(() -> ODataFilter.users("displayName eq 'a' or displayName eq 'b'"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("expected 'and'")
                .hasMessageContaining("startswith(property,'value')");
    }

    @Test
    void otherOperatorsAreRefused() {
        assertThatThrownBy(() -> ODataFilter.users("displayName ne 'a'"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("expected 'eq'");
        assertThatThrownBy(() -> ODataFilter.users("endswith(mail,'x')"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("endswith");
    }

    @Test
    void unknownPropertyAndUnclosedQuoteAreRefused() {
        assertThatThrownBy(() -> ODataFilter.users("city eq 'Paris'"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("city");
        assertThatThrownBy(() -> ODataFilter.users("displayName eq 'Al"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("not closed");
    }

    @Test
    @DisplayName("issue 9: group filters take groupTypes/any(c:c eq 'Unified') and booleans; any() is refused on users")
    void groupFilters() {
        assertThat(ODataFilter.groups("groupTypes/any(c:c eq 'Unified') and securityEnabled eq false"))
                .containsExactly(
                        new GroupFilter(GroupFilter.Property.GROUP_TYPES, GroupFilter.Operator.ANY_EQ, "Unified"),
                        new GroupFilter(GroupFilter.Property.SECURITY_ENABLED, GroupFilter.Operator.EQ, "false"));
        assertThatThrownBy(() -> ODataFilter.groups("groupTypes/any(c:x eq 'Unified')"))
                .hasMessageContaining("any() compares its own variable");
        assertThatThrownBy(() -> ODataFilter.groups("groupTypes/any(c:c eq 'DynamicMembership')"))
                .hasMessageContaining("groupTypes/any(c:c eq 'Unified')");
        assertThatThrownBy(() -> ODataFilter.users("proxyAddresses/any(c:c eq 'smtp:a@b')"))
                .hasMessageContaining("cannot filter users");
    }

    @Test
    @DisplayName("issue 12: 'in' takes a list of quoted values; a list without its closing parenthesis is refused")
    void inLists() {
        assertThat(ODataFilter.clauses("appId in ('a', 'b''c')"))
                .singleElement()
                .satisfies(clause -> {
                    assertThat(clause.operator()).isEqualTo(ODataFilter.Operator.IN);
                    assertThat(clause.values()).containsExactly("a", "b'c");
                });
        assertThatThrownBy(() -> ODataFilter.clauses("appId in ('a'")).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> ODataFilter.clauses("appId ne 'a'")).hasMessageContaining("expected 'eq' or 'in'");
    }
}
