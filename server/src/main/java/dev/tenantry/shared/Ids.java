package dev.tenantry.shared;

import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/** Parsing of the GUIDs every object id is made of. */
public final class Ids {

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
        if (text == null || !isGuid(text)) {
            return Optional.empty();
        }
        return Optional.of(UUID.fromString(text));
    }

    /** 8-4-4-4-12 hexadecimal digits (checked by hand: this runs on every request that names an object). */
    private static boolean isGuid(String text) {
        if (text.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = text.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : !HexFormat.isHexDigit(c)) {
                return false;
            }
        }
        return true;
    }
}
