package it.precompiled;

import dev.kida.engine.Environment;
import dev.kida.engine.Loaders;
import dev.kida.engine.Template;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Renders the templates kida-maven-plugin's compile goal wrote under target/classes/kida-compiled. */
class PrecompiledTemplatesTest {
    private static final ClassLoader CL = PrecompiledTemplatesTest.class.getClassLoader();
    private static final Map<String, Object> DATA = Map.of("shop", "Ada's <shop>", "items",
            List.of(Map.of("name", "tea", "price", 2.5), Map.of("name", "cake", "price", 4)));
    private static final String EXPECTED = "<title>Ada&#39;s &lt;shop&gt; - Shop</title>\n"
            + "<main><li>tea: 2.50</li><li>cake: 4.00</li></main>";

    @Test
    void theGoalWroteEveryTemplateAndNothingElse() throws Exception {
        Path out = Path.of("target/classes/kida-compiled");
        assertTrue(Files.isRegularFile(out.resolve("page.html.kidac")));
        assertTrue(Files.isRegularFile(out.resolve("base.html.kidac")));
        assertTrue(Files.isRegularFile(out.resolve("kida-manifest.tsv")));
        assertFalse(Files.exists(out.resolve("logo.png.kidac")), "an image is no template");
    }

    @Test
    void rendersFromThePrecompiledClasses() {
        Environment env = Environment.builder()
                .loader(Loaders.classpath(CL, "templates"))
                .precompiled(CL, "kida-compiled")
                .build();
        Template page = env.getTemplate("page.html");
        assertTrue(page.isPrecompiled(), "page.html loaded from kida-compiled/page.html.kidac, without parsing");
        assertTrue(env.getTemplate("base.html").isPrecompiled(), "base.html too");
        assertEquals(EXPECTED, page.render(DATA));
        // The default mode (tiered) runs it in the evaluator until it is hot; then (or now) the
        // stored class is defined.
        assertTrue(page.compile());
        assertEquals(EXPECTED, page.render(DATA));
    }

    @Test
    void withoutThemTheSameTemplateIsParsed() {
        Environment env = Environment.builder().loader(Loaders.classpath(CL, "templates")).build();
        Template page = env.getTemplate("page.html");
        assertFalse(page.isPrecompiled());
        assertEquals(EXPECTED, page.render(DATA));
    }

    @Test
    void anEditedSourceIsParsedInsteadOfRunningStaleCode() {
        Environment env = Environment.builder()
                .loader(Loaders.map(Map.of("page.html", "{% extends 'base.html' %}{% block content %}new{% endblock %}",
                        "base.html", "<main>{% block content %}{% endblock %}</main>")))
                .precompiled(CL, "kida-compiled")
                .build();
        Template page = env.getTemplate("page.html");
        assertFalse(page.isPrecompiled(), "the source no longer matches page.html.kidac");
        assertEquals("<main>new</main>", page.render(Map.of()));
    }
}
