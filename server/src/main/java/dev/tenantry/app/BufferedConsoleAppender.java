package dev.tenantry.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.time.Duration;

/**
 * The server's console lines (issue 13): each is encoded on the thread that logs it into a buffer, which goes to the
 * console every {@link #FLUSH_EVERY}, when it fills, at once for a WARN or ERROR line, and when logging stops (the
 * JVM's shutdown). Under load a request's log line is then a copy into memory: through Logback's asynchronous appender
 * each line woke its writer thread and cost a write to stderr of its own, 0.02–0.035 ms of CPU per token request
 * (against 0.42–0.45 in all). Nothing waits for the console but a thread that fills the buffer, as a full queue made
 * the asynchronous appender's callers wait. What a {@code kill -9} loses is the lines of the last {@link #FLUSH_EVERY}.
 */
final class BufferedConsoleAppender extends ConsoleAppender<ILoggingEvent> {

    static final Duration FLUSH_EVERY = Duration.ofMillis(100);
    static final int BUFFER_BYTES = 64 * 1024;

    private final Duration flushEvery;
    private Thread flusher;

    BufferedConsoleAppender() {
        this(FLUSH_EVERY);
    }

    /** Writing the buffer every {@code flushEvery} (tests use a long one to see a line wait). */
    BufferedConsoleAppender(Duration flushEvery) {
        this.flushEvery = flushEvery;
    }

    @Override
    public void start() {
        setImmediateFlush(false);
        super.start();
        if (!isStarted()) {
            return;
        }
        // System.err as it is now: lines logged before a command-line test replaced it are not written into what the
        // test captures 100 ms later (start the appender again to follow a replaced System.err, as LogFormat does)
        setOutputStream(new BufferedOutputStream(System.err, BUFFER_BYTES));
        flusher = Thread.ofPlatform().daemon().name("log-flush").start(this::flushPeriodically);
    }

    @Override
    protected void subAppend(ILoggingEvent event) {
        super.subAppend(event);
        if (event.getLevel().isGreaterOrEqual(Level.WARN)) {
            flush();
        }
    }

    @Override
    public void stop() {
        if (flusher != null) {
            flusher.interrupt();
            flusher = null;
        }
        flush();
        super.stop();
    }

    /** Writes what the buffer holds to the console. */
    void flush() {
        streamWriteLock.lock();
        try {
            if (getOutputStream() != null) {
                getOutputStream().flush();
            }
        } catch (IOException e) {
            addError("could not write the log to the console", e);
        } finally {
            streamWriteLock.unlock();
        }
    }

    private void flushPeriodically() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(flushEvery);
            } catch (InterruptedException stopped) {
                return;
            }
            flush();
        }
    }
}
