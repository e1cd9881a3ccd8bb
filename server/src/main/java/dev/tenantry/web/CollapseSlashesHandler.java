package dev.tenantry.web;

import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Rewrites request paths with repeated slashes ({@code //subscriptions/…}, as the ARM authorization SDK sends) to
 * single slashes before the servlet layer sees them, which would otherwise refuse them as ambiguous.
 */
final class CollapseSlashesHandler extends Handler.Wrapper {

    CollapseSlashesHandler(Handler handler) {
        super(handler);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        HttpURI uri = request.getHttpURI();
        String path = uri.getPath();
        if (path == null || !path.contains("//")) {
            return super.handle(request, response, callback);
        }
        String collapsed = path.replaceAll("/{2,}", "/");
        HttpURI rewritten;
        try {
            rewritten = HttpURI.build(uri).path(collapsed).asImmutable();
        } catch (IllegalArgumentException e) { // collapsed, it climbs above the root: //../x
            Response.writeError(request, response, callback, 400, "Bad URI: the path climbs above the root.");
            return true;
        }
        return super.handle(
                new Request.Wrapper(request) {
                    @Override
                    public HttpURI getHttpURI() {
                        return rewritten;
                    }
                },
                response,
                callback);
    }
}
