package dev.tenantry.pages.store;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** One entry of a country select: the ISO 3166-1 alpha-2 code and its English name. */
public record CountryOption(String code, String name) {

    private static final List<CountryOption> ALL = Arrays.stream(Locale.getISOCountries())
            .map(code -> new CountryOption(code, Locale.of("", code).getDisplayCountry(Locale.ENGLISH)))
            .sorted(Comparator.comparing(CountryOption::name))
            .toList();

    /** Every ISO country, sorted by name. */
    public static List<CountryOption> all() {
        return ALL;
    }
}
