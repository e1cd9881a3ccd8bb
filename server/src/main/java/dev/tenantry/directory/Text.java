package dev.tenantry.directory;

import dev.tenantry.shared.InvalidRequestException;

/** Validation of free-text input: required, trimmed, bounded. */
public final class Text {

    private Text() {}

    /** The stripped value, or an {@link InvalidRequestException} naming the field when it is blank or too long. */
    public static String required(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException("missing_field", "'" + field + "' is required.");
        }
        return optional(value, field, maxLength);
    }

    /** The stripped value, null when blank, or an error naming the field when it is too long. */
    public static String optional(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > maxLength) {
            throw new InvalidRequestException(
                    "field_too_long", "'" + field + "' is longer than " + maxLength + " characters.");
        }
        return stripped;
    }
}
