package dev.tenantry.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The logging set up in code (issue 13) is what logback.xml set up: console on stderr behind a lossless queue. */
class LogbackSetupTest {

    @Test
    void theServersLoggingIsSetUpWithoutAnXmlFile() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        assertThat(context.getObject(LogbackSetup.MARK))
                .as("LogbackSetup set this up")
                .isEqualTo(true);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel()).isEqualTo(Level.INFO);
        BufferedConsoleAppender console = (BufferedConsoleAppender) root.getAppender("STDERR");
        assertThat(console.getTarget()).isEqualTo("System.err");
        assertThat(console.isImmediateFlush()).isFalse();
        assertThat(((PatternLayoutEncoder) console.getEncoder()).getPattern()).isEqualTo(LogbackSetup.PATTERN);
        assertThat(context.getLogger("org.eclipse.jetty").getLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("com.zaxxer.hikari").getLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("io.javalin").getLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("org.flywaydb").getLevel()).isEqualTo(Level.ERROR);
        assertThat(context.getLogger("dev.tenantry.requests").getLevel()).isNotNull();
        assertThat(context.getLogger("dev.tenantry.app.TenantryApp").getLevel()).isNotNull();
    }

    @Test
    void aLogbackXmlLeftInTheServersOwnClassesIsNoSettingButAnotherOneIs() throws Exception {
        java.net.URL own =
                LogbackSetup.class.getProtectionDomain().getCodeSource().getLocation();
        assertThat(LogbackSetup.others(null)).isFalse();
        assertThat(LogbackSetup.others(java.net
                        .URI
                        .create(own.toExternalForm() + "logback.xml")
                        .toURL()))
                .isFalse();
        assertThat(LogbackSetup.others(java.net
                        .URI
                        .create("jar:" + own.toExternalForm() + "!/logback.xml")
                        .toURL()))
                .isFalse();
        assertThat(LogbackSetup.others(
                        java.net.URI.create("file:/opt/app/config/logback.xml").toURL()))
                .isTrue();
        assertThat(LogbackSetup.others(java.net
                        .URI
                        .create("jar:file:/opt/app/lib/app.jar!/logback.xml")
                        .toURL()))
                .isTrue();
    }

    @Test
    void theRequestAndStartLogLevelsComeFromAPropertyOrTheEnvironment() {
        String name = "TENANTRY_LOGBACK_SETUP_TEST_LEVEL";
        assertThat(LogbackSetup.level(name)).isEqualTo(Level.INFO);
        System.setProperty(name, "debug");
        try {
            assertThat(LogbackSetup.level(name)).isEqualTo(Level.DEBUG);
            System.setProperty(name, "WARN");
            assertThat(LogbackSetup.level(name)).isEqualTo(Level.WARN);
        } finally {
            System.clearProperty(name);
        }
    }
}
