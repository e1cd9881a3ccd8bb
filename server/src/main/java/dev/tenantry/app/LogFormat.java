package dev.tenantry.app;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.AppenderAttachable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * {@code --log-format json}: every console line becomes one JSON object (Logback's {@link JsonEncoder}: timestamp,
 * level, logger, thread, message and the request's key-value fields — route template, status, duration, request id,
 * error code). The fields are those of the text lines; neither format logs a secret or personal data.
 */
public final class LogFormat {

    private LogFormat() {}

    /** Switches the console appenders to {@code format} ({@code text} keeps logback.xml's pattern). */
    public static void apply(String format) {
        if (!"json".equals(format) || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        for (ConsoleAppender<ILoggingEvent> console : consoles(context)) {
            JsonEncoder encoder = new JsonEncoder();
            encoder.setContext(context);
            encoder.setWithSequenceNumber(false);
            encoder.setWithNanoseconds(false);
            encoder.setWithContext(false);
            encoder.setWithArguments(false);
            encoder.setWithMessage(false);
            encoder.setWithFormattedMessage(true);
            encoder.start();
            console.stop();
            console.setEncoder(encoder);
            console.start();
        }
    }

    private static List<ConsoleAppender<ILoggingEvent>> consoles(LoggerContext context) {
        List<ConsoleAppender<ILoggingEvent>> found = new ArrayList<>();
        for (ch.qos.logback.classic.Logger logger : context.getLoggerList()) {
            collect(logger.iteratorForAppenders(), found);
        }
        return found;
    }

    @SuppressWarnings("unchecked") // Logback's appenders of a classic context handle ILoggingEvent
    private static void collect(
            Iterator<Appender<ILoggingEvent>> appenders, List<ConsoleAppender<ILoggingEvent>> found) {
        while (appenders.hasNext()) {
            Appender<ILoggingEvent> appender = appenders.next();
            if (appender instanceof ConsoleAppender<ILoggingEvent> console && !found.contains(console)) {
                found.add(console);
            } else if (appender instanceof AppenderAttachable<?> parent) {
                collect(((AppenderAttachable<ILoggingEvent>) parent).iteratorForAppenders(), found);
            }
        }
    }
}
