package dev.kida.spring;

import dev.kida.engine.Environment;
import org.springframework.web.servlet.view.AbstractTemplateViewResolver;
import org.springframework.web.servlet.view.AbstractUrlBasedView;

import java.util.Objects;

/**
 * Resolves a controller's view name to a {@link KidaView}: the template name is
 * {@code prefix + viewName + suffix}, looked up in the {@link Environment} given here (whose
 * loader decides where templates live). Prefix empty and suffix {@code .html} by default; a name
 * the environment does not have resolves to nothing, so another resolver may answer.
 */
public class KidaViewResolver extends AbstractTemplateViewResolver {
    private final Environment environment;

    /** A resolver over this environment's templates. */
    public KidaViewResolver(Environment environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
        setViewClass(requiredViewClass());
        setSuffix(".html");
        setContentType("text/html;charset=UTF-8");
    }

    /** The environment views render with. */
    public Environment getEnvironment() {
        return environment;
    }

    @Override
    protected Class<?> requiredViewClass() {
        return KidaView.class;
    }

    @Override
    protected AbstractUrlBasedView instantiateView() {
        return getViewClass() == KidaView.class ? new KidaView() : super.instantiateView();
    }

    @Override
    protected AbstractUrlBasedView buildView(String viewName) throws Exception {
        KidaView view = (KidaView) super.buildView(viewName);
        view.setEnvironment(environment);
        return view;
    }
}
