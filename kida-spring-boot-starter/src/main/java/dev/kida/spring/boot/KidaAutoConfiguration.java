package dev.kida.spring.boot;

import dev.kida.api.TemplateLoader;
import dev.kida.engine.Environment;
import dev.kida.engine.Loaders;
import dev.kida.spring.KidaViewResolver;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.DispatcherServlet;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Sets up Kida in a Spring Boot application: an {@link Environment} bean built from the
 * {@link KidaProperties} (replace it by declaring your own), and in a servlet web application a
 * {@link KidaViewResolver} named {@code kidaViewResolver}. Customize the environment with
 * {@code Consumer<Environment.Builder>} beans (filters, globals, tests).
 */
@AutoConfiguration
@ConditionalOnClass(Environment.class)
@ConditionalOnBooleanProperty(name = "kida.enabled", matchIfMissing = true)
@EnableConfigurationProperties(KidaProperties.class)
public class KidaAutoConfiguration {
    /** The engine, from the {@code kida.*} properties and every {@code Consumer<Environment.Builder>} bean. */
    @Bean
    @ConditionalOnMissingBean
    public Environment kidaEnvironment(KidaProperties properties,
            ObjectProvider<Consumer<Environment.Builder>> customizers) {
        Environment.Builder builder = Environment.builder()
                .loader(loader(properties.getPrefix()))
                .mode(properties.getMode())
                .autoescape(properties.isAutoescape())
                .autoReload(properties.isReload())
                .reloadCheckInterval(properties.getReloadCheckInterval());
        if (properties.getCompileThreshold() != null) {
            builder.compileThreshold(properties.getCompileThreshold());
        }
        if (properties.getShapeClasses() != null) {
            builder.shapeClasses(properties.getShapeClasses());
        }
        if (properties.getOwnClassAfter() != null) {
            builder.ownClassAfter(properties.getOwnClassAfter());
        }
        if (!properties.isCache()) {
            builder.cacheSize(0);
        }
        if (properties.getEscaper() != null && !properties.getEscaper().isBlank()) {
            builder.escaper(properties.getEscaper().strip());
        }
        builder.undefined(properties.getUndefined());
        customizers.orderedStream().forEach(c -> c.accept(builder));
        return builder.build();
    }

    /** Where templates come from: {@code classpath:/dir/} or {@code file:dir/}. */
    static TemplateLoader loader(String prefix) {
        if (prefix.startsWith("classpath:")) {
            String dir = prefix.substring("classpath:".length()).replaceFirst("^/+", "");
            return Loaders.classpath(Thread.currentThread().getContextClassLoader(), dir);
        }
        if (prefix.startsWith("file:")) {
            return Loaders.fileSystem(Path.of(prefix.substring("file:".length())));
        }
        throw new IllegalArgumentException("kida.prefix must start with classpath: or file:, got '" + prefix
                + "' (e.g. classpath:/templates/ or file:src/main/resources/templates/)");
    }

    /** The view resolver of a servlet web application, tried before Spring's fallbacks. */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(DispatcherServlet.class)
    @ConditionalOnMissingBean(name = "kidaViewResolver")
    public KidaViewResolver kidaViewResolver(Environment kidaEnvironment, KidaProperties properties) {
        KidaViewResolver resolver = new KidaViewResolver(kidaEnvironment);
        resolver.setSuffix(properties.getSuffix());
        resolver.setContentType(properties.getContentType());
        resolver.setCache(properties.isCache());
        if (properties.getRequestContextAttribute() != null && !properties.getRequestContextAttribute().isBlank()) {
            resolver.setRequestContextAttribute(properties.getRequestContextAttribute());
        }
        resolver.setOrder(Ordered.LOWEST_PRECEDENCE - 5);
        return resolver;
    }
}
