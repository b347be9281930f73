package org.sinterscope.review.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * The app's pages ({@code web/} on the class path) and the WebJars' files
 * ({@code /webjars/...} → {@code META-INF/resources/webjars/...}). Only these two class-path
 * folders are reachable; dot segments never get here (the router answers 404 first).
 */
final class StaticFiles implements Router.Handler {

    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8", "js",
            "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8", "json", "application/json; charset=utf-8",
            "png", "image/png", "svg", "image/svg+xml", "ico", "image/x-icon");

    @Override
    public void handle(Ctx ctx) throws IOException {
        String path = String.join("/", Router.segments(ctx.exchange().getRequestURI().getRawPath()));
        if (path.isEmpty()) {
            path = "index.html";
        }
        String resource = path.startsWith("webjars/") ? "META-INF/resources/" + path : "web/" + path;
        int dot = path.lastIndexOf('.');
        String type = dot < 0 ? null : TYPES.get(path.substring(dot + 1));
        if (type == null || path.contains("//")) {
            throw HttpError.notFound("no such resource: /" + path);
        }
        try (InputStream in = StaticFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw HttpError.notFound("no such resource: /" + path);
            }
            byte[] body = in.readAllBytes();
            ctx.header("Cache-Control", path.startsWith("webjars/") ? "max-age=86400" : "no-cache");
            if (path.endsWith(".html")) {
                ctx.header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; "
                        + "style-src 'self' 'unsafe-inline'; frame-ancestors 'none'");
                ctx.header("X-Frame-Options", "DENY");
            }
            ctx.send(200, type, body);
        }
    }
}
