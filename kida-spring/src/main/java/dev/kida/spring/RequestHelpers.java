package dev.kida.spring;

import dev.kida.api.GlobalFunction;
import jakarta.servlet.http.HttpServletRequest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The names Jinja users (Flask above all) expect in a web template, added to each render's context
 * unless the model already has them: {@code request} ({@link KidaRequest}) and
 * {@code url_for(path, **query)}, the path prefixed with the application's context path and the
 * keyword arguments appended as an encoded query string.
 */
final class RequestHelpers {
    /** The request's name in the context. */
    static final String REQUEST = "request";
    /** The URL helper's name in the context. */
    static final String URL_FOR = "url_for";

    private RequestHelpers() {
    }

    static void addTo(Map<String, Object> context, HttpServletRequest request) {
        context.putIfAbsent(REQUEST, KidaRequest.of(request));
        context.putIfAbsent(URL_FOR, urlFor(request.getContextPath()));
    }

    static GlobalFunction urlFor(String contextPath) {
        return (ctx, args) -> {
            Object path = args.require(0, "path");
            StringBuilder url = new StringBuilder(contextPath);
            String p = String.valueOf(path);
            if (!p.startsWith("/")) {
                url.append('/');
            }
            url.append(p);
            char sep = p.contains("?") ? '&' : '?';
            for (Map.Entry<String, Object> e : new LinkedHashMap<>(args.keywords()).entrySet()) {
                url.append(sep).append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8))
                        .append('=').append(URLEncoder.encode(ctx.str(e.getValue()), StandardCharsets.UTF_8));
                sep = '&';
            }
            return url.toString();
        };
    }

    static Map<String, String> firstValues(Map<String, String[]> parameters) {
        Map<String, String> first = new LinkedHashMap<>();
        parameters.forEach((name, values) -> first.put(name, values.length == 0 ? "" : values[0]));
        return Collections.unmodifiableMap(first);
    }
}
