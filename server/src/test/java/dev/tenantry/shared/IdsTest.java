package dev.tenantry.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** New ids in time order, and GUID parsing, hand-written for speed, against the regular expression it replaced. */
class IdsTest {

    @Test
    void aNewIdIsAVersion7GuidThatBeginsWithItsMillisecond() {
        long now = System.currentTimeMillis();
        UUID id = Ids.timeOrdered();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isBetween(now, System.currentTimeMillis());
        assertThat(Ids.tryParse(id.toString())).contains(id);
    }

    @Test
    void idsOfLaterMillisecondsSortAfterEarlierOnesAsTheDatabasesCompareThem() {
        Random random = new Random(7);
        List<UUID> made = new ArrayList<>();
        for (long millis = 1_700_000_000_000L; millis < 1_700_000_000_000L + 2_000; millis++) {
            made.add(Ids.timeOrdered(millis, random));
            made.add(Ids.timeOrdered(millis, random));
        }
        // PostgreSQL and H2 order UUIDs as unsigned bytes, which is the order of their lower-case text
        for (int i = 2; i < made.size(); i++) {
            assertThat(made.get(i).toString()).isGreaterThan(made.get(i - 2).toString());
        }
    }

    @Test
    void newIdsOfOneMillisecondDifferInTheirRandomBits() {
        Random random = new Random(11);
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            seen.add(Ids.timeOrdered(1_700_000_000_000L, random));
        }
        assertThat(seen).hasSize(100_000);
    }

    private static final Pattern GUID =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    @Test
    void parsesTheCanonicalFormInEitherCase() {
        UUID id = UUID.randomUUID();
        assertThat(Ids.tryParse(id.toString())).contains(id);
        assertThat(Ids.tryParse(id.toString().toUpperCase(java.util.Locale.ROOT)))
                .contains(id);
        assertThat(Ids.tryParse("{" + id + "}")).isEmpty();
        assertThat(Ids.tryParse(id.toString().replace("-", ""))).isEmpty();
        assertThat(Ids.tryParse(null)).isEmpty();
    }

    @Test
    void agreesWithTheRegularExpressionOnGeneratedInput() {
        Random random = new Random(7);
        String alphabet = "0123456789abcdefABCDEFgG-x ";
        for (int i = 0; i < 200_000; i++) {
            char[] text = UUID.randomUUID().toString().toCharArray();
            for (int n = random.nextInt(3); n > 0; n--) {
                text[random.nextInt(text.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
            }
            String candidate = random.nextInt(20) == 0 ? new String(text, 0, random.nextInt(36)) : new String(text);
            Optional<UUID> expected =
                    GUID.matcher(candidate).matches() ? Optional.of(UUID.fromString(candidate)) : Optional.empty();
            assertThat(Ids.tryParse(candidate)).as(candidate).isEqualTo(expected);
        }
    }
}
