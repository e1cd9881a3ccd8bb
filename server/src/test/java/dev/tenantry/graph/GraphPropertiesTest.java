package dev.tenantry.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.json.JavalinJackson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GraphPropertiesTest {

    private final ObjectMapper javalin = JavalinJackson.defaultMapper();

    record Licence(String skuId, List<String> disabledPlans) {}

    /** The same puts on both maps, with one map inside the other, as the Graph routes fill them. */
    private static void fill(Map<String, Object> map, Map<String, Object> inner) {
        map.put("@odata.type", "#microsoft.graph.user");
        map.put("id", "5f1c");
        map.put("businessPhones", List.of());
        map.put("displayName", "Zoë \"Q\" 😀");
        map.put("mobilePhone", null);
        map.put("accountEnabled", true);
        map.put("assignedLicenses", List.of(new Licence("sku", List.of("plan"))));
        map.put("createdDateTime", Instant.parse("2026-12-06T00:00:00Z"));
        map.put("id", "5f1d"); // put again: keeps its place
        map.replace("mobilePhone", "+1 555");
        map.replace("absent", "never added");
        inner.put("a", 1);
        map.put("memberOf", List.of(inner));
        for (int i = 0; i < 20; i++) { // past the first arrays
            map.put("p" + i, i);
        }
        map.remove("p3");
    }

    @Test
    void behavesAndIsWrittenAsALinkedHashMap() throws Exception {
        Map<String, Object> expected = new LinkedHashMap<>();
        fill(expected, new LinkedHashMap<>());
        Map<String, Object> actual = new GraphProperties(2);
        fill(actual, new GraphProperties(0));

        assertThat(actual).isEqualTo(expected).hasSize(expected.size());
        assertThat(new ArrayList<>(actual.keySet())).isEqualTo(new ArrayList<>(expected.keySet()));
        assertThat(actual.get("id")).isEqualTo("5f1d");
        assertThat(actual.containsKey("mobilePhone")).isTrue();
        assertThat(actual.containsKey("absent")).isFalse();
        assertThat(actual.get(null)).isNull();
        assertThat(javalin.writeValueAsString(List.of(actual)))
                .isEqualTo(javalin.writeValueAsString(List.of(expected)));
        Map<String, Object> copied = new LinkedHashMap<>();
        copied.putAll(actual);
        assertThat(javalin.writeValueAsString(copied)).isEqualTo(javalin.writeValueAsString(expected));
    }

    @Test
    void itsEntriesWriteThroughAndRemove() {
        Map<String, Object> properties = new GraphProperties(4);
        properties.put("a", 1);
        properties.put("b", 2);
        properties.put("c", 3);

        Iterator<Map.Entry<String, Object>> entries = properties.entrySet().iterator();
        entries.next().setValue(10);
        entries.next();
        entries.remove();

        assertThat(properties).containsExactly(Map.entry("a", 10), Map.entry("c", 3));
        assertThat(entries.next()).isEqualTo(Map.entry("c", 3));
        assertThat(entries.hasNext()).isFalse();
        assertThatThrownBy(() -> properties.put(null, 1)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void aPropertyPutAsNewIsWrittenAsPut() throws Exception {
        Map<String, Object> expected = new LinkedHashMap<>();
        GraphProperties actual = new GraphProperties(1);
        for (int i = 0; i < 700; i++) { // past the names the writer keeps encoded
            String name = i % 7 == 0 ? "näme \"" + i + "\"" : "name" + i;
            Object value = i % 3 == 0 ? null : i % 3 == 1 ? "v" + i : (Object) (i % 2 == 0);
            expected.put(name, value);
            actual.putNew(name, value);
        }

        assertThat(javalin.writeValueAsString(actual)).isEqualTo(javalin.writeValueAsString(expected));
        assertThat(javalin.writeValueAsString(actual)).isEqualTo(javalin.writeValueAsString(expected));
    }

    @Test
    void everyProjectionHasDistinctNames() {
        for (List<String> select : List.of(List.<String>of(), List.of("*"), List.of("id", "ID", "displayName"))) {
            assertThat(GraphUser.properties(select)).doesNotHaveDuplicates().doesNotContain("@odata.type");
            assertThat(GraphGroup.properties(select)).doesNotHaveDuplicates().doesNotContain("@odata.type");
        }
    }
}
