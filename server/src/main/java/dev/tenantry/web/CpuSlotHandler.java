package dev.tenantry.web;

import dev.tenantry.shared.CpuSlots;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Runs each request's handlers inside one of the server's {@link CpuSlots}. The slot is given back as soon as the
 * handlers are done (an {@code after} handler that the app registers), before the answer is written, so a client that
 * reads slowly holds no slot; and at the latest when this handler returns.
 */
public final class CpuSlotHandler extends Handler.Wrapper {

    private final CpuSlots slots;

    public CpuSlotHandler(CpuSlots slots, Handler handler) {
        super(handler);
        this.slots = slots;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        slots.enter();
        try {
            return super.handle(request, response, callback);
        } finally {
            slots.leave();
        }
    }
}
