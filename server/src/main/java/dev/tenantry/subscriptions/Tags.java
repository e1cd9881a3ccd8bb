package dev.tenantry.subscriptions;

import dev.tenantry.shared.Column;
import dev.tenantry.shared.InvalidRequestException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Resource tags as ARM takes them: at most 50, names of 1 to 512 characters, values of at most 256, none null, and
 * all of them together within the column that keeps them as a JSON object.
 */
final class Tags {

    static final int MAX_TAGS = 50;
    static final int MAX_NAME = 512;
    static final int MAX_VALUE = 256;

    /** Control characters a JSON writer escapes in two characters ({@code \\n}); the others take six. */
    private static final String SHORT_ESCAPES = "\b\t\n\f\r";

    private Tags() {}

    /** The tags unchanged (null reads as none), or an {@link InvalidRequestException} saying which rule they break. */
    static Map<String, String> validate(Map<String, String> tags) {
        if (tags == null) {
            return Map.of();
        }
        if (tags.size() > MAX_TAGS) {
            throw invalid("A resource can have at most " + MAX_TAGS + " tags; this one has " + tags.size() + ".");
        }
        Map<String, String> valid = new LinkedHashMap<>();
        tags.forEach((name, value) -> {
            if (name == null || name.isBlank() || name.length() > MAX_NAME) {
                throw invalid("A tag name has 1 to " + MAX_NAME + " characters.");
            }
            if (value == null) {
                throw invalid("The tag '" + name + "' has no value; give it a string, possibly empty.");
            }
            if (value.length() > MAX_VALUE) {
                throw invalid("The value of tag '" + name + "' is longer than " + MAX_VALUE + " characters.");
            }
            valid.put(name, value);
        });
        if (jsonLength(valid) > Column.RESOURCE_GROUP_TAGS.limit()) {
            throw invalid("The tags take more than " + Column.RESOURCE_GROUP_TAGS.limit()
                    + " characters together; use fewer or shorter ones.");
        }
        return valid;
    }

    /** The length of {@code {"name":"value",…}} as a JSON writer (Jackson) escapes it. */
    static int jsonLength(Map<String, String> tags) {
        int length = 2 + Math.max(0, tags.size() - 1);
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            length += quotedLength(tag.getKey()) + 1 + quotedLength(tag.getValue());
        }
        return length;
    }

    private static int quotedLength(String text) {
        int length = 2;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            length += c == '"' || c == '\\' || SHORT_ESCAPES.indexOf(c) >= 0 ? 2 : c < 0x20 ? 6 : 1;
        }
        return length;
    }

    private static InvalidRequestException invalid(String message) {
        return new InvalidRequestException(SubscriptionError.INVALID_TAGS, message);
    }
}
