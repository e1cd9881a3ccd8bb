package dev.tenantry.graph;

import dev.tenantry.directory.UserFilter;
import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.shared.RequestError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The subset of OData {@code $filter} Tenantry supports on users: {@code prop eq 'value'} and {@code
 * startswith(prop,'value')}, joined with {@code and}. Anything else is a 400 that names what is supported.
 *
 * @see <a href="https://learn.microsoft.com/graph/filter-query-parameter">Graph $filter</a>
 */
final class ODataFilter {

    static final String SUPPORTED = "Supported: property eq 'value' and startswith(property,'value'), "
            + "joined with 'and' (booleans unquoted: accountEnabled eq true).";

    private final String text;
    private int position;

    private ODataFilter(String text) {
        this.text = text;
    }

    /** The filters in {@code text}; empty when the text is null or blank. */
    static List<UserFilter> parse(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return new ODataFilter(text).expression();
    }

    private List<UserFilter> expression() {
        List<UserFilter> filters = new ArrayList<>();
        filters.add(clause());
        while (!atEnd()) {
            expectWord("and");
            filters.add(clause());
        }
        return List.copyOf(filters);
    }

    private UserFilter clause() {
        String word = identifier();
        if (word.equalsIgnoreCase("startswith") && peek() == '(') {
            expect('(');
            UserFilter.Property property = property(identifier());
            expect(',');
            String value = literal();
            expect(')');
            return new UserFilter(property, UserFilter.Operator.STARTS_WITH, value);
        }
        UserFilter.Property property = property(word);
        expectWord("eq");
        return new UserFilter(property, UserFilter.Operator.EQ, literal());
    }

    private static UserFilter.Property property(String name) {
        try {
            return UserFilter.Property.byName(name);
        } catch (InvalidRequestException e) {
            throw new InvalidRequestException(
                    RequestError.UNSUPPORTED_FILTER, "Unsupported $filter: " + e.getMessage() + ".");
        }
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
