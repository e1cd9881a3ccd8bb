package dev.tenantry.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.hook.DefaultShutdownHook;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Map;

/**
 * The server's logging, set up in code rather than by a {@code logback.xml} (issue 13: reading the XML took Logback's
 * Joran configurator and the JDK's XML parser, some 440 classes and a tenth of a start's CPU). The same setup the XML
 * had: console lines on stderr ({@code HH:mm:ss.SSS LEVEL logger - message}), buffered and written every 100 ms, at
 * once for a warning or an error, and at shutdown ({@link BufferedConsoleAppender}, which replaced an asynchronous
 * appender); Jetty, Hikari and Javalin at WARN, Flyway
 * at ERROR, and {@code TENANTRY_REQUEST_LOG} / {@code TENANTRY_START_LOG} (system property or environment variable)
 * setting the request log's and the start log's level. An application that brings its own {@code logback-test.xml},
 * {@code logback.xml} or {@code -Dlogback.configurationFile} keeps it: this setup then stands aside.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_LOW_PRIORITY)
public final class LogbackSetup extends ContextAwareBase implements Configurator {

    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{24} - %msg%n";
    /** A context object saying this setup made the context's appenders. */
    static final String MARK = "tenantry.logbackSetup";

    /** Quieter loggers than the root's INFO. */
    private static final Map<String, Level> LEVELS = Map.of(
            "org.eclipse.jetty", Level.WARN,
            "com.zaxxer.hikari", Level.WARN,
            "org.flywaydb", Level.ERROR,
            "io.javalin", Level.WARN);

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        ClassLoader loader = LogbackSetup.class.getClassLoader();
        if (System.getProperty("logback.configurationFile") != null
                || loader.getResource("logback-test.xml") != null
                || others(loader.getResource("logback.xml"))) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        BufferedConsoleAppender console = new BufferedConsoleAppender();
        console.setContext(context);
        console.setName("STDERR");
        console.setTarget("System.err");
        console.setEncoder(encoder);
        console.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console);
        LEVELS.forEach((name, level) -> context.getLogger(name).setLevel(level));
        context.getLogger("dev.tenantry.requests").setLevel(level("TENANTRY_REQUEST_LOG"));
        context.getLogger("dev.tenantry.app.TenantryApp").setLevel(level("TENANTRY_START_LOG"));
        DefaultShutdownHook hook = new DefaultShutdownHook();
        hook.setContext(context);
        Thread flush = new Thread(hook, "Logback shutdown hook [" + context.getName() + "]");
        context.putObject(CoreConstants.SHUTDOWN_HOOK_THREAD, flush);
        Runtime.getRuntime().addShutdownHook(flush);
        context.putObject(MARK, true);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /**
     * Whether {@code xml} is someone else's: the server's own jar or classes directory holds a {@code logback.xml} only
     * when an incremental build left the old one behind in {@code target/classes}, which is no setting of anyone's.
     */
    static boolean others(java.net.URL xml) {
        if (xml == null) {
            return false;
        }
        java.security.CodeSource own = LogbackSetup.class.getProtectionDomain().getCodeSource();
        if (own == null || own.getLocation() == null) {
            return true;
        }
        String location = own.getLocation().toExternalForm();
        String found = xml.toExternalForm();
        return !(found.equals(location + "logback.xml") || found.equals("jar:" + location + "!/logback.xml"));
    }

    /**
     * {@code name}'s level from a system property, else the environment, else INFO; an unknown word is DEBUG, as
     * Logback reads a level.
     */
    static Level level(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            value = System.getenv(name);
        }
        return value == null ? Level.INFO : Level.toLevel(value.strip());
    }
}
