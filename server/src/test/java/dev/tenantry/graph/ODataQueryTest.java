package dev.tenantry.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantry.shared.InvalidRequestException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ODataQueryTest {

    @Test
    void defaultsToTopHundredAndNoSelect() {
        ODataQuery query = ODataQuery.parse(Map.of());

        assertThat(query.top()).isEqualTo(100);
        assertThat(query.select()).isEmpty();
        assertThat(query.filter()).isNull();
        assertThat(query.skipToken()).isNull();
    }

    @Test
    void readsOptionsWithAndWithoutDollar() {
        ODataQuery query = ODataQuery.parse(Map.of(
                "$select", List.of("id, displayName,userPrincipalName"),
                "top", List.of("2"),
                "$filter", List.of("mail eq 'a'"),
                "$skiptoken", List.of("abc.def")));

        assertThat(query.select()).containsExactly("id", "displayName", "userPrincipalName");
        assertThat(query.top()).isEqualTo(2);
        assertThat(query.filter()).isEqualTo("mail eq 'a'");
        assertThat(query.skipToken()).isEqualTo("abc.def");
    }

    @Test
    void topMustBeFromOneTo999() {
        assertThat(ODataQuery.parse(Map.of("$top", List.of("999"))).top()).isEqualTo(999);
        for (String bad : List.of("0", "1000", "-1", "ten")) {
            assertThatThrownBy(() -> ODataQuery.parse(Map.of("$top", List.of(bad))))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("1 to 999");
        }
    }

    @Test
    void selectKeepsOnlyTheSelectedPropertiesCanonically() {
        List<String> properties = GraphUser.properties(List.of("ID", "displayname", "accountEnabled"));

        assertThat(properties).containsExactly("id", "displayName", "accountEnabled");
    }

    @Test
    void selectOfAnUnknownPropertyIsRefused() {
        assertThatThrownBy(() -> GraphUser.properties(List.of("shoeSize")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("Could not find a property named 'shoeSize'");
    }
}
