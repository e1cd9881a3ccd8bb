package dev.tenantry.shared;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Parsing of the GUIDs every object id is made of. */
public final class Ids {

    private static final Pattern GUID =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private Ids() {}

    /** Parses a GUID in its canonical 8-4-4-4-12 form, or throws an {@link InvalidRequestException}. */
    public static UUID parseUuid(String text, String what) {
        return tryParse(text)
                .orElseThrow(() -> new InvalidRequestException(
                        RequestError.INVALID_ID,
                        "'" + text + "' is not a valid " + what + ": expected a GUID such as "
                                + "'00000000-0000-0000-0000-000000000000'"));
    }

    /** The GUID in {@code text}, or empty when it is not one. */
    public static Optional<UUID> tryParse(String text) {
        if (text == null || !GUID.matcher(text).matches()) {
            return Optional.empty();
        }
        return Optional.of(UUID.fromString(text));
    }
}
