package dev.tenantry.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A closed-loop HTTPS load generator: {@code clients} threads, each sending its next request as soon as the last is
 * answered (as {@code wrk} does), over its own keep-alive HTTP/1.1 connection. Records every latency after the warm-up.
 *
 * <p>Each thread writes and reads its connection itself ({@link Connection}), as {@code wrk} does, rather than through
 * {@code java.net.http.HttpClient}: the load generator runs on the server's cores, so what it spends is taken from the
 * figures it measures, and the JDK's client (selector thread, executor hand-offs, futures) spent 0.16–0.24 ms of CPU per
 * request where this one spends 0.05–0.10 ms (measured side by side with {@code bin/bench}'s "load cpu/op").
 */
final class Load {

    /** One client's requests: what to send next, and what it learns from each answer (a rotated refresh token). */
    interface Session {
        HttpRequest next();

        default void answered(Answer answer) {}
    }

    /** What one measured phase gave: operations per second, latency percentiles and the server's CPU per operation. */
    static final class Result {
        private final String name;
        private final int clients;
        private final long ok;
        private final long failed;
        private final double seconds;
        private final long[] sortedNanos;
        private final double cpuMs;
        private final double loadCpuMs;

        Result(
                String name,
                int clients,
                long ok,
                long failed,
                double seconds,
                long[] sortedNanos,
                double cpuMs,
                double loadCpuMs) {
            this.name = name;
            this.clients = clients;
            this.ok = ok;
            this.failed = failed;
            this.seconds = seconds;
            this.sortedNanos = sortedNanos;
            this.cpuMs = cpuMs;
            this.loadCpuMs = loadCpuMs;
        }

        /** A phase that {@code --only} left out: no figures, and no line in the report. */
        static Result skipped(String name, int clients) {
            return new Result(name, clients, 0, 0, Double.NaN, new long[0], Double.NaN, Double.NaN);
        }

        boolean ran() {
            return !Double.isNaN(seconds);
        }

        double perSecond() {
            return ok / seconds;
        }

        double cpuMsPerOp() {
            return ok == 0 ? Double.NaN : cpuMs / ok;
        }

        /** The load generator's own CPU per operation (this JVM's; phases that run side by side share it). */
        double loadCpuMsPerOp() {
            return ok == 0 ? Double.NaN : loadCpuMs / ok;
        }

        double millis(double fraction) {
            if (sortedNanos.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(fraction * sortedNanos.length) - 1;
            return sortedNanos[Math.max(0, Math.min(index, sortedNanos.length - 1))] / 1e6;
        }

        int count() {
            return sortedNanos.length;
        }

        /** How many answered requests took longer than {@code millis}. */
        int over(double millis) {
            long limit = (long) (millis * 1e6);
            int over = 0;
            while (over < sortedNanos.length && sortedNanos[sortedNanos.length - 1 - over] > limit) {
                over++;
            }
            return over;
        }

        double maxMillis() {
            return sortedNanos.length == 0 ? Double.NaN : sortedNanos[sortedNanos.length - 1] / 1e6;
        }

        String line() {
            return String.format(
                    Locale.ROOT,
                    "%-44s c=%-3d %9.0f/s  p50 %7.2f ms  p99 %7.2f ms  max %8.2f ms  cpu/op %6.3f ms  load cpu/op %6.3f ms%s",
                    name,
                    clients,
                    perSecond(),
                    millis(0.50),
                    millis(0.99),
                    maxMillis(),
                    cpuMsPerOp(),
                    loadCpuMsPerOp(),
                    failed == 0 ? "" : "  (" + failed + " failed)");
        }
    }

    /** Which phases run and whether they are profiled: {@code bin/bench --only}, {@code --profile}; set by Bench. */
    static Phases phases = Phases.ALL;

    private Load() {}

    /**
     * Runs {@code clients} sessions for {@code warmUp} then {@code seconds}, counting only the latter; the CPU time of
     * {@code server} over the measured part is divided by the answered requests.
     */
    static Result run(
            String name,
            SSLContext tls,
            int clients,
            double warmUp,
            double seconds,
            Optional<ProcessHandle> server,
            IntFunction<Session> sessions)
            throws InterruptedException {
        if (!phases.runs(name)) {
            return Result.skipped(name, clients);
        }
        long start = System.nanoTime();
        long measureFrom = start + (long) (warmUp * 1e9);
        long end = measureFrom + (long) (seconds * 1e9);
        AtomicLong cpuBefore = new AtomicLong(-1);
        AtomicLong loadCpuBefore = new AtomicLong(-1);
        Optional<ProcessHandle> self = Optional.of(ProcessHandle.current());
        long[][] latencies = new long[clients][];
        int[] counts = new int[clients];
        long[] failures = new long[clients];
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Session session = sessions.apply(c);
            threads.add(Thread.ofPlatform().daemon().name("load-" + c).start(() -> {
                Connection connection = new Connection(tls);
                long[] mine = new long[1 << 14];
                int n = 0;
                while (true) {
                    long before = System.nanoTime();
                    if (before >= end) {
                        break;
                    }
                    if (before >= measureFrom && cpuBefore.get() < 0) {
                        if (cpuBefore.compareAndSet(-1, cpuNanos(server))) {
                            loadCpuBefore.set(cpuNanos(self));
                        }
                    }
                    Answer answer = connection.send(session.next());
                    long after = System.nanoTime();
                    boolean ok = answer != null && answer.status() / 100 == 2;
                    if (ok) {
                        session.answered(answer);
                    }
                    if (before >= measureFrom && after <= end) {
                        if (!ok) {
                            failures[client]++;
                        } else {
                            if (n == mine.length) {
                                mine = Arrays.copyOf(mine, n * 2);
                            }
                            mine[n++] = after - before;
                        }
                    }
                }
                connection.close();
                latencies[client] = mine;
                counts[client] = n;
            }));
        }
        Optional<Profiler> profiler = server.flatMap(phases::profiler);
        if (profiler.isPresent()) {
            // from the warm-up's end to the measured part's: the profile shows what the figure measured
            long untilMeasured = measureFrom - System.nanoTime();
            if (untilMeasured > 0) {
                Thread.sleep(untilMeasured / 1_000_000, (int) (untilMeasured % 1_000_000));
            }
            profiler.get().start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (profiler.isPresent()) {
            profiler.get().stop(name, clients);
        }
        long cpuAfter = cpuNanos(server);
        long loadCpuAfter = cpuNanos(self);
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(latencies[c], 0, all, at, counts[c]);
            at += counts[c];
        }
        Arrays.sort(all);
        long failed = Arrays.stream(failures).sum();
        double cpuMs = server.isPresent() && cpuBefore.get() >= 0 ? (cpuAfter - cpuBefore.get()) / 1e6 : Double.NaN;
        double loadCpuMs = loadCpuBefore.get() >= 0 ? (loadCpuAfter - loadCpuBefore.get()) / 1e6 : Double.NaN;
        return new Result(name, clients, total, failed, seconds, all, cpuMs, loadCpuMs);
    }

    /** The CPU time (user + system) the process has used so far, in nanoseconds; 0 when unknown. */
    static long cpuNanos(Optional<ProcessHandle> process) {
        return process.flatMap(p -> p.info().totalCpuDuration())
                .map(Duration::toNanos)
                .orElse(0L);
    }

    /** A status and a body, decoded only when a session reads it. */
    static final class Answer {
        private final int status;
        private final byte[] body;

        Answer(int status, byte[] body) {
            this.status = status;
            this.body = body;
        }

        int status() {
            return status;
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /**
     * One keep-alive HTTP/1.1 connection over TLS, written and read by the thread that uses it: a request is one write
     * (with {@code TCP_NODELAY}); an answer is read by its {@code Content-Length} or chunks. A failed exchange closes
     * the connection, the next one opens a new one.
     */
    static final class Connection implements AutoCloseable {
        private final SSLContext tls;
        private SSLSocket socket;
        private InputStream in;
        private OutputStream out;

        Connection(SSLContext tls) {
            this.tls = tls;
        }

        /** The answer, or null when the exchange failed (the connection is then closed). */
        Answer send(HttpRequest request) {
            try {
                URI uri = request.uri();
                if (socket == null) {
                    open(uri);
                }
                out.write(bytes(request));
                out.flush();
                Answer answer = read();
                if (answer == null) {
                    close();
                }
                return answer;
            } catch (IOException e) {
                close();
                return null;
            }
        }

        private void open(URI uri) throws IOException {
            SSLSocket opened = (SSLSocket) tls.getSocketFactory().createSocket();
            opened.setTcpNoDelay(true);
            opened.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 10_000);
            opened.setSoTimeout((int) Duration.ofSeconds(30).toMillis());
            opened.startHandshake();
            socket = opened;
            in = new BufferedInputStream(opened.getInputStream(), 1 << 16);
            out = opened.getOutputStream();
        }

        private static byte[] bytes(HttpRequest request) {
            URI uri = request.uri();
            byte[] body = request.bodyPublisher().map(Connection::collect).orElse(new byte[0]);
            StringBuilder head = new StringBuilder(512)
                    .append(request.method())
                    .append(' ')
                    .append(uri.getRawPath())
                    .append(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                    .append(" HTTP/1.1\r\nHost: ")
                    .append(uri.getHost())
                    .append(':')
                    .append(uri.getPort())
                    .append("\r\n");
            request.headers()
                    .map()
                    .forEach((name, values) -> values.forEach(value ->
                            head.append(name).append(": ").append(value).append("\r\n")));
            if (body.length > 0 || !request.method().equals("GET")) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            byte[] headBytes = head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
            byte[] all = Arrays.copyOf(headBytes, headBytes.length + body.length);
            System.arraycopy(body, 0, all, headBytes.length, body.length);
            return all;
        }

        /** The bytes of a body publisher ({@code BodyPublishers.ofString} publishes them when subscribed). */
        private static byte[] collect(HttpRequest.BodyPublisher publisher) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            publisher.subscribe(new Flow.Subscriber<>() {
                @Override
                public void onSubscribe(Flow.Subscription subscription) {
                    subscription.request(Long.MAX_VALUE);
                }

                @Override
                public void onNext(ByteBuffer item) {
                    byte[] chunk = new byte[item.remaining()];
                    item.get(chunk);
                    bytes.writeBytes(chunk);
                }

                @Override
                public void onError(Throwable throwable) {
                    throw new IllegalStateException(throwable);
                }

                @Override
                public void onComplete() {}
            });
            return bytes.toByteArray();
        }

        private Answer read() throws IOException {
            String status = line();
            if (status.isEmpty()) {
                return null;
            }
            int code = Integer.parseInt(status.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean closing = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                String name = header.substring(0, colon).trim();
                String value = header.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("Content-Length")) {
                    length = Long.parseLong(value);
                } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                    chunked = value.equalsIgnoreCase("chunked");
                } else if (name.equalsIgnoreCase("Connection")) {
                    closing = value.equalsIgnoreCase("close");
                }
            }
            byte[] body;
            if (chunked) {
                ByteArrayOutputStream chunks = new ByteArrayOutputStream();
                for (int size = chunkSize(line()); size > 0; size = chunkSize(line())) {
                    chunks.writeBytes(in.readNBytes(size));
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers
                }
                body = chunks.toByteArray();
            } else if (length >= 0) {
                body = in.readNBytes((int) length);
                if (body.length < length) {
                    throw new EOFException();
                }
            } else {
                body = in.readAllBytes();
                closing = true;
            }
            Answer answer = new Answer(code, body);
            if (closing) {
                close();
            }
            return answer;
        }

        private static int chunkSize(String line) {
            int extension = line.indexOf(';');
            return Integer.parseInt((extension < 0 ? line : line.substring(0, extension)).trim(), 16);
        }

        /** One header line without its CRLF; empty at the end of the headers (or of the stream). */
        private String line() throws IOException {
            StringBuilder line = new StringBuilder(64);
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    if (line.isEmpty()) {
                        return "";
                    }
                    throw new EOFException();
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }

        @Override
        public void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
            socket = null;
            in = null;
            out = null;
        }
    }
}
