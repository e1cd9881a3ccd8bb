package dev.tenantry.web;

import dev.tenantry.shared.ServiceBusyException;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sign-ins refused because password hashing is at its bound (503 + {@code Retry-After}) are answered after {@link
 * #DELAY} instead of at once (issue 13). A client that honours {@code Retry-After} waits longer than that anyway; a
 * flood that ignores it and sends again as soon as it is answered is slowed to one request per connection per delay,
 * so the refusals themselves (TLS, parsing, a turn at the cores for each) no longer take the CPU that client
 * credentials and Graph need. A refusal held here takes no thread and no CPU slot: the request is suspended and
 * completed later. At most {@link #MAX_HELD} are held at once; past that a refusal is answered at once, so a flood of
 * connections cannot grow what the server holds.
 */
public final class SlowRefusals {

    /** How long a refused sign-in waits for its answer. */
    public static final Duration DELAY = Duration.ofMillis(250);

    /** How many refusals are held at once at most. */
    public static final int MAX_HELD = 1024;

    private final AtomicInteger held = new AtomicInteger();
    /** Answers on a virtual thread of its own (a write may block), never on the JDK's one timer thread. */
    private final Executor later =
            CompletableFuture.delayedExecutor(DELAY.toMillis(), TimeUnit.MILLISECONDS, task -> Thread.ofVirtual()
                    .name("slow-refusal")
                    .start(task));

    /** {@code handler}, with its refusals for load answered late. */
    public Handler around(Handler handler) {
        return ctx -> {
            try {
                handler.handle(ctx);
            } catch (ServiceBusyException busy) {
                if (!hold(ctx, busy)) {
                    throw busy;
                }
            }
        };
    }

    private boolean hold(Context ctx, ServiceBusyException busy) {
        if (held.incrementAndGet() > MAX_HELD) {
            held.decrementAndGet();
            return false;
        }
        CompletableFuture<Void> answer = CompletableFuture.runAsync(
                () -> {
                    held.decrementAndGet();
                    throw busy; // answered by the exception mappers, as if the handler had thrown it
                },
                later);
        ctx.future(() -> answer);
        return true;
    }
}
