package dev.tenantry.directory;

import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.shared.RequestError;
import java.util.Arrays;
import java.util.Locale;

/**
 * A filter on groups: one property compared with {@code eq} or {@code startsWith}, or {@code groupTypes} containing
 * {@code Unified}. Text comparisons ignore case, as Graph's do.
 */
public record GroupFilter(Property property, Operator operator, String value) {

    /** The properties a filter may name; each maps to one column in storage. */
    public enum Property {
        ID("id", false),
        DISPLAY_NAME("displayName", true),
        MAIL_NICKNAME("mailNickname", true),
        MAIL("mail", true),
        SECURITY_ENABLED("securityEnabled", false),
        MAIL_ENABLED("mailEnabled", false),
        GROUP_TYPES("groupTypes", false);

        private final String name;
        private final boolean text;

        Property(String name, boolean text) {
            this.name = name;
            this.text = text;
        }

        public String propertyName() {
            return name;
        }

        public boolean isText() {
            return text;
        }

        public static Property byName(String name) {
            return Arrays.stream(values())
                    .filter(p -> p.name.equalsIgnoreCase(name))
                    .findFirst()
                    .orElseThrow(() -> new InvalidRequestException(
                            RequestError.UNSUPPORTED_FILTER,
                            "cannot filter groups by '" + name + "': use one of "
                                    + Arrays.stream(values()).map(p -> p.name).toList()));
        }
    }

    /** How the property is compared with the value; {@code ANY_EQ} is {@code groupTypes/any(c:c eq 'Unified')}. */
    public enum Operator {
        EQ,
        STARTS_WITH,
        ANY_EQ
    }

    public GroupFilter {
        if (value == null) {
            throw new InvalidRequestException(RequestError.UNSUPPORTED_FILTER, "a filter needs a value");
        }
        if (property == Property.GROUP_TYPES
                && (operator != Operator.ANY_EQ || !value.equalsIgnoreCase(Group.UNIFIED))) {
            throw new InvalidRequestException(
                    RequestError.UNSUPPORTED_FILTER,
                    "groupTypes can only be filtered as groupTypes/any(c:c eq 'Unified')");
        }
        if (operator == Operator.ANY_EQ && property != Property.GROUP_TYPES) {
            throw new InvalidRequestException(
                    RequestError.UNSUPPORTED_FILTER, "any() applies to groupTypes only, not to " + property.name);
        }
        if (operator == Operator.STARTS_WITH && !property.isText()) {
            throw new InvalidRequestException(
                    RequestError.UNSUPPORTED_FILTER,
                    "startswith works on text properties, not on " + property.propertyName());
        }
        if (!property.isText()
                && property != Property.ID
                && property != Property.GROUP_TYPES
                && !(value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false"))) {
            throw new InvalidRequestException(
                    RequestError.UNSUPPORTED_FILTER,
                    property.propertyName() + " is compared with true or false (unquoted), not '" + value + "'");
        }
    }

    public String lowerValue() {
        return value.toLowerCase(Locale.ROOT);
    }
}
