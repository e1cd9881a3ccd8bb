package dev.tenantry.graph;

import dev.tenantry.shared.InvalidRequestException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The OData system query options of one Graph collection request: {@code $select}, {@code $filter}, {@code $top}
 * and {@code $skiptoken}. Graph also accepts them without the {@code $}, and so does this.
 */
record ODataQuery(List<String> select, String filter, int top, String skipToken) {

    static final int DEFAULT_TOP = 100;
    static final int MAX_TOP = 999;

    ODataQuery {
        select = List.copyOf(select);
    }

    static ODataQuery parse(Map<String, List<String>> params) {
        String select = option(params, "select");
        List<String> selected = select == null
                ? List.of()
                : Arrays.stream(select.split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
        return new ODataQuery(
                selected, option(params, "filter"), top(option(params, "top")), option(params, "skiptoken"));
    }

    private static int top(String text) {
        if (text == null) {
            return DEFAULT_TOP;
        }
        try {
            int top = Integer.parseInt(text.strip());
            if (top >= 1 && top <= MAX_TOP) {
                return top;
            }
        } catch (NumberFormatException e) {
            // reported below, with the range
        }
        throw new InvalidRequestException(
                GraphError.INVALID_TOP,
                "Invalid value '" + text + "' for $top: use a whole number from 1 to " + MAX_TOP + ".");
    }

    private static String option(Map<String, List<String>> params, String name) {
        List<String> values = params.get("$" + name);
        if (values == null || values.isEmpty()) {
            values = params.get(name);
        }
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
