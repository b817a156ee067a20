package dev.kida.spring;

import dev.kida.api.TemplateNotFoundException;
import dev.kida.engine.Environment;
import dev.kida.engine.Template;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.view.AbstractTemplateView;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A Spring MVC view that renders one Kida template (its URL is the template name) into the
 * response. The context is the model, plus {@link RequestHelpers#REQUEST request} and
 * {@link RequestHelpers#URL_FOR url_for} unless the model has those names already, and Spring's
 * {@code RequestContext} under the resolver's request-context attribute (the Boot starter names it
 * {@code rc}). A template error is raised before anything is written, so Spring's error handling
 * still owns the response.
 */
public class KidaView extends AbstractTemplateView {
    private Environment environment;

    /** A view that renders with {@code UTF-8} HTML unless told otherwise. */
    public KidaView() {
        setContentType("text/html;charset=UTF-8");
    }

    /** The environment the template comes from; set by {@link KidaViewResolver}. */
    public void setEnvironment(Environment environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    /** The environment the template comes from. */
    public Environment getEnvironment() {
        return environment;
    }

    @Override
    protected boolean isContextRequired() {
        return false;
    }

    /** False when the environment has no such template, so the next view resolver may try. */
    @Override
    public boolean checkResource(Locale locale) {
        try {
            environment.getTemplate(getUrl());
            return true;
        } catch (TemplateNotFoundException e) {
            return false;
        }
    }

    @Override
    protected void renderMergedTemplateModel(Map<String, Object> model, HttpServletRequest request,
            HttpServletResponse response) throws Exception {
        if (environment == null) {
            throw new IllegalStateException("KidaView '" + getUrl() + "' has no Environment; create it through"
                    + " KidaViewResolver or call setEnvironment");
        }
        Template template = environment.getTemplate(getUrl());
        Map<String, Object> context = new HashMap<>(model);
        RequestHelpers.addTo(context, request);
        // Rendered whole before the first byte goes out: a failing template leaves the response
        // uncommitted, so the application's error page can still be sent.
        String body = template.render(context);
        response.getWriter().write(body);
    }
}
