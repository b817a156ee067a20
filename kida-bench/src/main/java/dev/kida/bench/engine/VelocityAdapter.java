package dev.kida.bench.engine;

import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.event.implement.EscapeHtmlReference;
import org.apache.velocity.runtime.RuntimeConstants;
import org.apache.velocity.runtime.RuntimeInstance;
import org.apache.velocity.runtime.parser.ParseException;
import org.apache.velocity.runtime.resource.loader.ClasspathResourceLoader;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Velocity with the {@link EscapeHtmlReference} event handler, which escapes every reference it
 * inserts (Velocity has no autoescape of its own). The large page nests {@code #parse} includes.
 */
public final class VelocityAdapter implements EngineAdapter {
    @Override
    public Renderer prepare(Scenario scenario) {
        RuntimeInstance velocity = runtime();
        Template template = velocity.getTemplate("templates/velocity/" + scenario.id() + ".vm", "UTF-8");
        Map<String, Object> variables = scenario.context();
        return () -> {
            StringWriter out = new StringWriter();
            // A fresh context per render: #set and #foreach write into it.
            template.merge(new VelocityContext(new HashMap<>(variables)), out);
            return out.toString();
        };
    }

    /** Parses source into a Velocity {@link Template}. */
    public static SourceCompiler compiler() {
        RuntimeInstance velocity = runtime();
        return source -> {
            Template template = new Template();
            template.setName("stocks.vm");
            template.setRuntimeServices(velocity);
            try {
                template.setData(velocity.parse(new StringReader(source), template));
            } catch (ParseException e) {
                throw new IllegalStateException(e);
            }
            template.initDocument();
            return template;
        };
    }

    private static RuntimeInstance runtime() {
        Properties p = new Properties();
        p.setProperty(RuntimeConstants.RESOURCE_LOADERS, "classpath");
        p.setProperty("resource.loader.classpath.class", ClasspathResourceLoader.class.getName());
        p.setProperty(RuntimeConstants.EVENTHANDLER_REFERENCEINSERTION, EscapeHtmlReference.class.getName());
        p.setProperty(RuntimeConstants.INPUT_ENCODING, "UTF-8");
        RuntimeInstance velocity = new RuntimeInstance();
        velocity.init(p);
        return velocity;
    }
}
