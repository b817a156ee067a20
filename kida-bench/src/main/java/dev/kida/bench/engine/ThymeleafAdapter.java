package dev.kida.bench.engine;

import org.thymeleaf.TemplateEngine;
import org.thymeleaf.cache.NonCacheableCacheEntryValidity;
import org.thymeleaf.context.Context;
import org.thymeleaf.engine.TemplateData;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.StringTemplateResolver;
import org.thymeleaf.templateresource.StringTemplateResource;

import java.util.Map;

/**
 * Thymeleaf in HTML mode with its template cache on; {@code th:text} escapes. The standard
 * dialect has no inheritance: the large page nests {@code th:replace} of whole templates.
 */
public final class ThymeleafAdapter implements EngineAdapter {
    @Override
    public Renderer prepare(Scenario scenario) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/thymeleaf/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        Map<String, Object> variables = scenario.context();
        String name = scenario.id();
        return () -> engine.process(name, new Context(null, variables));
    }

    /**
     * Parses source into Thymeleaf's template model without rendering it, through the engine's
     * template manager (cache off), the step {@code process} starts with.
     */
    public static SourceCompiler compiler() {
        StringTemplateResolver resolver = new StringTemplateResolver();
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCacheable(false);
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        var manager = engine.getConfiguration().getTemplateManager();
        return source -> manager.parseString(
                new TemplateData(source, null, new StringTemplateResource(source), TemplateMode.HTML,
                        NonCacheableCacheEntryValidity.INSTANCE),
                source, 0, 0, TemplateMode.HTML, false);
    }
}
