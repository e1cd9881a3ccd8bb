package dev.tenantry.directory;

import dev.tenantry.shared.Column;
import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.shared.RequestError;

/** Validation of free-text input: required, trimmed, bounded by the column it is stored in. */
public final class Text {

    private Text() {}

    /** The stripped value, or an {@link InvalidRequestException} naming the field when it is blank or too long. */
    public static String required(String value, String field, Column column) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException(RequestError.MISSING_FIELD, "'" + field + "' is required.", field);
        }
        return optional(value, field, column);
    }

    /** The stripped value, null when blank, or an error naming the field when it is too long. */
    public static String optional(String value, String field, Column column) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return column.check(value.strip(), field);
    }
}
