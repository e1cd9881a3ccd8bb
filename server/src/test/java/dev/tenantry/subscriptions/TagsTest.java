package dev.tenantry.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TagsTest {

    @Test
    void lengthIsTheLengthOfTheStoredJson() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Random random = new Random(7);
        String alphabet = "ab\"\\\n\t\u0001\u00e9\u4e2d\ud83d\ude00 /<>";
        for (int round = 0; round < 200; round++) {
            Map<String, String> tags = new LinkedHashMap<>();
            for (int i = random.nextInt(6); i > 0; i--) {
                tags.put(text(random, alphabet), text(random, alphabet));
            }
            assertThat(Tags.jsonLength(tags))
                    .as(tags.toString())
                    .isEqualTo(json.writeValueAsString(tags).length());
        }
    }

    private static String text(Random random, String alphabet) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(8); i > 0; i--) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
