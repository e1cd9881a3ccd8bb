package dev.tenantry.graph;

import dev.tenantry.directory.GroupFilter;
import dev.tenantry.directory.UserFilter;
import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.shared.RequestError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The subset of OData {@code $filter} Tenantry supports: {@code prop eq 'value'}, {@code startswith(prop,'value')}
 * and, on collections, {@code prop/any(c:c eq 'value')}, joined with {@code and}. Anything else is a 400 that names
 * what is supported; each resource then maps the clauses to its own filters, refusing properties it cannot filter.
 *
 * @see <a href="https://learn.microsoft.com/graph/filter-query-parameter">Graph $filter</a>
 */
final class ODataFilter {

    static final String SUPPORTED = "Supported: property eq 'value', startswith(property,'value') and "
            + "collection/any(c:c eq 'value'), joined with 'and' (booleans unquoted: accountEnabled eq true).";

    /** How a clause compares. */
    enum Operator {
        EQ,
        STARTS_WITH,
        ANY_EQ,
        /** {@code property in ('a', 'b')}: {@link Clause#values} holds the list. */
        IN
    }

    /** One clause of the filter: a property, how it is compared, and the value. */
    record Clause(String property, Operator operator, String value, List<String> values) {

        Clause(String property, Operator operator, String value) {
            this(property, operator, value, List.of(value));
        }

        Clause {
            values = List.copyOf(values);
        }
    }

    private final String text;
    private int position;

    private ODataFilter(String text) {
        this.text = text;
    }

    /** The user filters in {@code text}; empty when the text is null or blank. */
    static List<UserFilter> users(String text) {
        return clauses(text).stream()
                .map(clause -> new UserFilter(
                        mapped(() -> UserFilter.Property.byName(clause.property())),
                        switch (clause.operator()) {
                            case EQ -> UserFilter.Operator.EQ;
                            case STARTS_WITH -> UserFilter.Operator.STARTS_WITH;
                            case ANY_EQ, IN ->
                                throw new InvalidRequestException(
                                        RequestError.UNSUPPORTED_FILTER,
                                        "Unsupported $filter: "
                                                + clause.operator().name().toLowerCase(Locale.ROOT)
                                                + " is not supported on users' " + clause.property() + ".");
                        },
                        clause.value()))
                .toList();
    }

    /** The group filters in {@code text}; empty when the text is null or blank. */
    static List<GroupFilter> groups(String text) {
        return clauses(text).stream()
                .map(clause -> new GroupFilter(
                        mapped(() -> GroupFilter.Property.byName(clause.property())),
                        switch (clause.operator()) {
                            case EQ -> GroupFilter.Operator.EQ;
                            case STARTS_WITH -> GroupFilter.Operator.STARTS_WITH;
                            case ANY_EQ -> GroupFilter.Operator.ANY_EQ;
                            case IN ->
                                throw new InvalidRequestException(
                                        RequestError.UNSUPPORTED_FILTER,
                                        "Unsupported $filter: in is not supported on groups' " + clause.property()
                                                + ".");
                        },
                        clause.value()))
                .toList();
    }

    /** The clauses of {@code text}; empty when the text is null or blank. */
    static List<Clause> clauses(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return new ODataFilter(text).expression();
    }

    private static <T> T mapped(java.util.function.Supplier<T> property) {
        try {
            return property.get();
        } catch (InvalidRequestException e) {
            throw new InvalidRequestException(
                    RequestError.UNSUPPORTED_FILTER, "Unsupported $filter: " + e.getMessage() + ".");
        }
    }

    private List<Clause> expression() {
        List<Clause> filters = new ArrayList<>();
        filters.add(clause());
        while (!atEnd()) {
            expectWord("and");
            filters.add(clause());
        }
        return List.copyOf(filters);
    }

    private Clause clause() {
        String word = identifier();
        if (word.equalsIgnoreCase("startswith") && peek() == '(') {
            expect('(');
            String property = identifier();
            expect(',');
            String value = literal();
            expect(')');
            return new Clause(property, Operator.STARTS_WITH, value);
        }
        if (peek() == '/') {
            // collection/any(c:c eq 'value')
            expect('/');
            expectWord("any");
            expect('(');
            String variable = identifier();
            expect(':');
            String same = identifier();
            if (!same.equals(variable)) {
                throw unsupported("any() compares its own variable '" + variable + "', found '" + same + "'");
            }
            expectWord("eq");
            String value = literal();
            expect(')');
            return new Clause(word, Operator.ANY_EQ, value);
        }
        String operator = atEnd() ? "" : identifier();
        if (operator.equalsIgnoreCase("in")) {
            // property in ('a', 'b', …)
            expect('(');
            List<String> values = new ArrayList<>();
            values.add(literal());
            while (peek() == ',') {
                expect(',');
                values.add(literal());
            }
            expect(')');
            return new Clause(word, Operator.IN, values.get(0), values);
        }
        if (!operator.equalsIgnoreCase("eq")) {
            throw unsupported("expected 'eq' or 'in'" + (operator.isEmpty() ? "" : ", found '" + operator + "'"));
        }
        return new Clause(word, Operator.EQ, literal());
    }

    private String literal() {
        skipSpaces();
        if (peek() != '\'') {
            String word = identifier().toLowerCase(Locale.ROOT);
            if (word.equals("true") || word.equals("false")) {
                return word;
            }
            throw unsupported("expected a quoted value such as 'Alice' or true/false, found '" + word + "'");
        }
        position++;
        StringBuilder value = new StringBuilder();
        while (position < text.length()) {
            char c = text.charAt(position++);
            if (c != '\'') {
                value.append(c);
            } else if (position < text.length() && text.charAt(position) == '\'') {
                value.append('\''); // '' is an escaped quote in OData
                position++;
            } else {
                return value.toString();
            }
        }
        throw unsupported("a quoted value is not closed");
    }

    private String identifier() {
        skipSpaces();
        int start = position;
        while (position < text.length()
                && (Character.isLetterOrDigit(text.charAt(position)) || text.charAt(position) == '_')) {
            position++;
        }
        if (start == position) {
            throw unsupported(atEnd() ? "the filter ends too early" : "unexpected '" + text.charAt(position) + "'");
        }
        return text.substring(start, position);
    }

    private void expectWord(String word) {
        String found = atEnd() ? "" : identifier();
        if (!found.equalsIgnoreCase(word)) {
            throw unsupported("expected '" + word + "'" + (found.isEmpty() ? "" : ", found '" + found + "'"));
        }
    }

    private void expect(char c) {
        skipSpaces();
        if (peek() != c) {
            throw unsupported("expected '" + c + "' at position " + position);
        }
        position++;
    }

    private char peek() {
        skipSpaces();
        return position < text.length() ? text.charAt(position) : '\0';
    }

    private boolean atEnd() {
        skipSpaces();
        return position >= text.length();
    }

    private void skipSpaces() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }

    private InvalidRequestException unsupported(String problem) {
        return new InvalidRequestException(
                RequestError.UNSUPPORTED_FILTER, "Unsupported $filter '" + text + "': " + problem + ". " + SUPPORTED);
    }
}
