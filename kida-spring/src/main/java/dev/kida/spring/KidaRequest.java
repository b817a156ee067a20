package dev.kida.spring;

import jakarta.servlet.http.HttpServletRequest;

import java.util.Map;

/**
 * The current request as a template sees it, named as in Flask: {@code request.method},
 * {@code request.path} (without the context path), {@code request.full_path} (with the query),
 * {@code request.url}, {@code request.args} and {@code request.form} (each parameter's first value;
 * the servlet API merges query and form parameters, so both read the same map), and
 * {@code request.script_root} (the context path).
 *
 * @param method      the HTTP method
 * @param path        the path below the context path
 * @param full_path   the path with its query string, if any
 * @param url         the whole URL the client asked for
 * @param script_root the application's context path ({@code ""} at the root)
 * @param args        request parameters, first value each
 * @param form        the same parameters, for templates written for Flask's {@code request.form}
 */
public record KidaRequest(String method, String path, String full_path, String url, String script_root,
        Map<String, String> args, Map<String, String> form) {

    /** The view of a servlet request. */
    public static KidaRequest of(HttpServletRequest request) {
        String context = request.getContextPath();
        String uri = request.getRequestURI();
        String path = uri.startsWith(context) ? uri.substring(context.length()) : uri;
        String query = request.getQueryString();
        StringBuffer url = request.getRequestURL();
        if (query != null) {
            url.append('?').append(query);
        }
        Map<String, String> params = RequestHelpers.firstValues(request.getParameterMap());
        return new KidaRequest(request.getMethod(), path.isEmpty() ? "/" : path,
                query == null ? path : path + "?" + query, url.toString(), context, params, params);
    }
}
