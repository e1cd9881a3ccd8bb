package dev.tenantry.directory;

import dev.tenantry.shared.InvalidRequestException;
import java.util.Locale;
import java.util.Set;

/** ISO 3166-1 alpha-2 country codes, as Entra uses for a directory's country and a user's usage location. */
public final class Countries {

    private static final Set<String> CODES = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

    private Countries() {}

    /** The upper-cased code, or an error when it is not an ISO 3166-1 alpha-2 code. */
    public static String require(String code, String field) {
        String upper = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        if (!CODES.contains(upper)) {
            throw new InvalidRequestException(
                    DirectoryError.INVALID_COUNTRY,
                    "'" + code + "' is not a two-letter ISO 3166 country code such as 'US' or 'NL'.",
                    field);
        }
        return upper;
    }

    public static String optional(String code, String field) {
        return code == null || code.isBlank() ? null : require(code, field);
    }
}
