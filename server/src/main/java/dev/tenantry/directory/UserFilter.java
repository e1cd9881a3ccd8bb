package dev.tenantry.directory;

import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.shared.RequestError;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A filter on users: one property compared with {@code eq} or {@code startsWith}. Text comparisons ignore case, as
 * Graph's do.
 */
public record UserFilter(Property property, Operator operator, String value) {

    /** The properties a filter may name; each maps to one column in storage. */
    public enum Property {
        ID("id"),
        USER_PRINCIPAL_NAME("userPrincipalName"),
        DISPLAY_NAME("displayName"),
        GIVEN_NAME("givenName"),
        SURNAME("surname"),
        MAIL("mail"),
        MAIL_NICKNAME("mailNickname"),
        USER_TYPE("userType"),
        ACCOUNT_ENABLED("accountEnabled");

        private final String name;

        Property(String name) {
            this.name = name;
        }

        public String propertyName() {
            return name;
        }

        public static Property byName(String name) {
            return Arrays.stream(values())
                    .filter(p -> p.name.equalsIgnoreCase(name))
                    .findFirst()
                    .orElseThrow(() -> new InvalidRequestException(
                            RequestError.UNSUPPORTED_FILTER,
                            "cannot filter users by '" + name + "': use one of "
                                    + Arrays.stream(values()).map(p -> p.name).toList()));
        }
    }

    /** How the property is compared with the value. */
    public enum Operator {
        EQ,
        STARTS_WITH
    }

    public UserFilter {
        if (value == null) {
            throw new InvalidRequestException(RequestError.UNSUPPORTED_FILTER, "a filter needs a value");
        }
        if (property == Property.USER_TYPE
                && (operator != Operator.EQ
                        || !(value.equalsIgnoreCase("Member") || value.equalsIgnoreCase("Guest")))) {
            throw new InvalidRequestException(
                    RequestError.UNSUPPORTED_FILTER, "userType can only be compared with eq to 'Member' or 'Guest'.");
        }
        if (operator == Operator.STARTS_WITH && (property == Property.ID || property == Property.ACCOUNT_ENABLED)) {
            throw new InvalidRequestException(
                    RequestError.UNSUPPORTED_FILTER,
                    "startswith works on text properties, not on " + property.propertyName());
        }
    }

    /** Whether one of {@code filters} is a startswith on displayName: a range of the name index in storage. */
    public static boolean anyDisplayNamePrefix(List<UserFilter> filters) {
        return filters.stream()
                .anyMatch(f -> f.property() == Property.DISPLAY_NAME && f.operator() == Operator.STARTS_WITH);
    }

    public String lowerValue() {
        return value.toLowerCase(Locale.ROOT);
    }
}
