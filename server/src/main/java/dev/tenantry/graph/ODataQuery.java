package dev.tenantry.graph;

import dev.tenantry.shared.InvalidRequestException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The OData system query options of one Graph request: {@code $select}, {@code $filter}, {@code $top},
 * {@code $skiptoken}, {@code $count}, {@code $search}, {@code $expand} and {@code $orderby}. Graph also accepts them
 * without the {@code $}, and so does this. Each route says which options it honours ({@link #allowOnly}); any other
 * option sent, or an unknown {@code $} option, is a 400 naming it — never silently ignored.
 */
record ODataQuery(
        List<String> select,
        String filter,
        int top,
        String skipToken,
        boolean count,
        String search,
        List<String> expand,
        String orderBy,
        Set<Option> sent) {

    static final int DEFAULT_TOP = 100;
    static final int MAX_TOP = 999;

    /** The system query options Tenantry knows. */
    enum Option {
        SELECT,
        FILTER,
        TOP,
        SKIPTOKEN,
        COUNT,
        SEARCH,
        EXPAND,
        ORDERBY;

        String text() {
            return "$" + name().toLowerCase(Locale.ROOT);
        }
    }

    ODataQuery {
        select = List.copyOf(select);
        expand = List.copyOf(expand);
        sent = Set.copyOf(sent);
    }

    static ODataQuery parse(Map<String, List<String>> params) {
        Set<Option> sent = EnumSet.noneOf(Option.class);
        for (String name : params.keySet()) {
            if (name.startsWith("$")) {
                sent.add(Arrays.stream(Option.values())
                        .filter(option -> option.text().equalsIgnoreCase(name))
                        .findFirst()
                        .orElseThrow(() -> new InvalidRequestException(
                                GraphError.UNSUPPORTED_QUERY_OPTION,
                                "Query option '" + name + "' is not allowed. Supported options are "
                                        + Arrays.stream(Option.values())
                                                .map(Option::text)
                                                .toList() + ".")));
            } else {
                Arrays.stream(Option.values())
                        .filter(option -> option.name().equalsIgnoreCase(name))
                        .findFirst()
                        .ifPresent(sent::add);
            }
        }
        return new ODataQuery(
                list(option(params, "select")),
                option(params, "filter"),
                top(option(params, "top")),
                option(params, "skiptoken"),
                count(option(params, "count")),
                option(params, "search"),
                list(option(params, "expand")),
                option(params, "orderby"),
                sent);
    }

    /** Refuses every option sent that the route does not honour, naming it. */
    ODataQuery allowOnly(Option... honoured) {
        Set<Option> allowed = honoured.length == 0 ? EnumSet.noneOf(Option.class) : EnumSet.copyOf(List.of(honoured));
        for (Option option : sent) {
            if (!allowed.contains(option)) {
                throw new InvalidRequestException(
                        GraphError.UNSUPPORTED_QUERY_OPTION,
                        "The query option '" + option.text() + "' is not supported on this request"
                                + (allowed.isEmpty()
                                        ? "."
                                        : "; it supports "
                                                + allowed.stream()
                                                        .map(Option::text)
                                                        .toList() + "."));
            }
        }
        return this;
    }

    private static List<String> list(String text) {
        return text == null
                ? List.of()
                : Arrays.stream(text.split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
    }

    private static boolean count(String text) {
        if (text == null || text.equalsIgnoreCase("false")) {
            return false;
        }
        if (text.equalsIgnoreCase("true")) {
            return true;
        }
        throw new InvalidRequestException(
                GraphError.UNSUPPORTED_QUERY_OPTION, "Invalid value '" + text + "' for $count: use true or false.");
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

    /**
     * The name of {@code type}'s property {@code name} as Graph spells it (names match ignoring case); an unknown name
     * is a 400 listing the supported ones, as Graph answers.
     */
    static String canonicalProperty(String name, List<String> properties, String type) {
        String lower = name.toLowerCase(Locale.ROOT);
        return properties.stream()
                .filter(p -> p.toLowerCase(Locale.ROOT).equals(lower))
                .findFirst()
                .orElseThrow(() -> new InvalidRequestException(
                        GraphError.UNSUPPORTED_SELECT,
                        "Could not find a property named '" + name + "' on type '" + type + "'. Supported: "
                                + String.join(", ", properties) + "."));
    }

    private static String option(Map<String, List<String>> params, String name) {
        List<String> values = params.get("$" + name);
        if (values == null || values.isEmpty()) {
            values = params.get(name);
        }
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
