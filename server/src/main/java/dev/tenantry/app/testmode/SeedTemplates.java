package dev.tenantry.app.testmode;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The seeded databases of this JVM, by seed text: a test-mode server whose seed was already loaded once starts from a
 * copy of that database instead of migrating and seeding again. The copy keeps the ids and secrets of the first load.
 */
final class SeedTemplates {

    record Template(Path script, Seeded seeded) {}

    private static final Map<String, Template> TEMPLATES = new ConcurrentHashMap<>();

    private SeedTemplates() {}

    static Template find(String seedText) {
        return TEMPLATES.get(seedText);
    }

    static void remember(String seedText, Template template) {
        TEMPLATES.putIfAbsent(seedText, template);
    }
}
