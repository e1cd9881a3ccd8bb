package dev.tenantry.graph;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code $select} on a collection of wire records (subscribedSkus, licenseDetails): each item keeps its {@code id} and
 * the selected properties, named as the record names them (case ignored); an unknown name is Graph's 400.
 */
final class GraphSelect {

    private static final ObjectMapper FIELDS = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

    private GraphSelect() {}

    /** {@code items} as they are when nothing (or {@code *}) is selected, else projected onto the selection. */
    static <T extends Record> List<?> of(List<T> items, Class<T> type, List<String> select, String odataType) {
        if (select.isEmpty() || select.contains("*")) {
            return items;
        }
        List<String> all = Arrays.stream(type.getRecordComponents())
                .map(RecordComponent::getName)
                .toList();
        List<String> chosen = select.stream()
                .map(name -> ODataQuery.canonicalProperty(name, all, odataType))
                .distinct()
                .toList();
        return items.stream()
                .map(item -> {
                    Map<String, Object> full = FIELDS.convertValue(item, OBJECT);
                    Map<String, Object> json = new LinkedHashMap<>();
                    if (full.containsKey("id")) {
                        json.put("id", full.get("id"));
                    }
                    chosen.forEach(name -> json.put(name, full.get(name)));
                    return json;
                })
                .toList();
    }
}
