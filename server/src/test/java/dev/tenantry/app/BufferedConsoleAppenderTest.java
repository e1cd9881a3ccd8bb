package dev.tenantry.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The console appender's buffer: lines reach the console within 100 ms, warnings at once, all of them at stop. */
class BufferedConsoleAppenderTest {

    final ByteArrayOutputStream console = new ByteArrayOutputStream();
    final LoggerContext context = new LoggerContext();
    final Logger log = context.getLogger("test");
    PrintStream original;
    BufferedConsoleAppender appender;

    @BeforeEach
    void start() {
        start(BufferedConsoleAppender.FLUSH_EVERY);
    }

    void start(Duration flushEvery) {
        if (appender != null) {
            appender.stop();
            log.detachAppender(appender);
        } else {
            original = System.err;
        }
        System.setErr(new PrintStream(console, true, StandardCharsets.UTF_8));
        context.setMDCAdapter(new LogbackMDCAdapter());
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%level %msg%n");
        encoder.start();
        appender = new BufferedConsoleAppender(flushEvery);
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.start();
        log.addAppender(appender);
    }

    @AfterEach
    void restore() {
        appender.stop();
        System.setErr(original);
    }

    String written() {
        return console.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anInfoLineWaitsInTheBufferUntilItIsWritten() {
        start(Duration.ofHours(1));
        log.info("one");

        assertThat(written()).isEmpty();
        appender.flush();
        assertThat(written()).isEqualTo("INFO one\n");
    }

    @Test
    void anInfoLineReachesTheConsoleWithinTheFlushInterval() throws Exception {
        log.info("one");

        long deadline = System.nanoTime() + 5 * BufferedConsoleAppender.FLUSH_EVERY.toNanos() + 2_000_000_000L;
        while (!written().contains("one") && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(written()).isEqualTo("INFO one\n");
    }

    @Test
    void aWarningIsWrittenAtOnceWithTheLinesBeforeIt() {
        log.info("before");
        log.warn("careful");

        assertThat(written()).isEqualTo("INFO before\nWARN careful\n");
    }

    @Test
    void stoppingWritesEverything() {
        for (int i = 0; i < 1000; i++) {
            log.info("line {}", i);
        }
        appender.stop();

        assertThat(written().lines()).hasSize(1000).startsWith("INFO line 0").endsWith("INFO line 999");
    }
}
