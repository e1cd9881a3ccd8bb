package dev.tenantry.web;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Headers every HTTPS answer carries, Tenantry's and Jetty's own error pages (400, 414, 431, 500) alike: HSTS, no
 * sniffing, no framing and a Content-Security-Policy that allows nothing. Tenantry's pages replace the policy with
 * their own, which allows their stylesheet and script.
 */
final class SecurityHeaders extends Handler.Wrapper {

    static final String HSTS = "max-age=31536000";
    static final String NOTHING_ALLOWED =
            "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    SecurityHeaders(Handler handler) {
        super(handler);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        apply(response.getHeaders());
        return super.handle(request, response, callback);
    }

    static void apply(HttpFields.Mutable headers) {
        headers.put("Strict-Transport-Security", HSTS);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Content-Security-Policy", NOTHING_ALLOWED);
        headers.put("Referrer-Policy", "same-origin");
    }

    /** Jetty's error pages with the same headers, and without exception class names or stacks in them. */
    static ErrorHandler errorHandler() {
        ErrorHandler handler = new ErrorHandler() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                apply(response.getHeaders());
                return super.handle(request, response, callback);
            }
        };
        handler.setShowStacks(false);
        handler.setShowCauses(false);
        handler.setShowMessageInTitle(false);
        return handler;
    }
}
