package dev.tenantry.web;

import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.URIUtil;

/**
 * Rewrites request paths with repeated slashes ({@code //subscriptions/…}, as the ARM authorization SDK sends) to
 * single slashes before the servlet layer sees them, which would otherwise refuse them as ambiguous. Dot segments are
 * resolved on the way; a path that climbs above the root ({@code //../x}) is a 400.
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
        HttpURI rewritten = rewrite(uri, URIUtil.canonicalPath(path.replaceAll("/{2,}", "/")));
        if (rewritten == null) { // dot segments that climb above the root, as in //../x: a bad request, never a 500
            Response.writeError(
                    request,
                    response,
                    callback,
                    HttpStatus.BAD_REQUEST_400,
                    "Bad URI: the path climbs above the root.");
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

    private static HttpURI rewrite(HttpURI uri, String collapsed) {
        if (collapsed == null) {
            return null;
        }
        try {
            return HttpURI.build(uri).path(collapsed).asImmutable();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
