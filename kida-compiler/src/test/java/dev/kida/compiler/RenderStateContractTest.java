package dev.kida.compiler;

import dev.kida.api.TemplateSource;
import dev.kida.api.UndefinedKind;
import dev.kida.engine.Environment;
import dev.kida.engine.Escapers;
import dev.kida.engine.ExecutionMode;
import dev.kida.engine.Template;
import dev.kida.engine.core.CacheSettings;
import dev.kida.engine.core.CodeGenerator;
import dev.kida.engine.core.CompileSettings;
import dev.kida.engine.core.CompilePolicy;
import dev.kida.engine.core.Engine;
import dev.kida.engine.core.PreparedTemplate;
import dev.kida.engine.eval.TreeEvaluator;
import dev.kida.engine.lexer.LexerOptions;
import dev.kida.engine.render.RenderState;
import dev.kida.engine.runtime.value.Budget;
import org.junit.jupiter.api.Test;

import java.lang.classfile.ClassFile;
import java.lang.classfile.constantpool.ClassEntry;
import java.lang.classfile.constantpool.FieldRefEntry;
import java.lang.classfile.constantpool.InterfaceMethodRefEntry;
import java.lang.classfile.constantpool.PoolEntry;
import java.lang.constant.ClassDesc;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Generated code sees a render only through {@link RenderState}: the classes the compiler
 * generates never name the evaluator's {@code Renderer} and read or write no field of an engine
 * class, so the evaluator's render state can stay its own.
 */
class RenderStateContractTest {
    /** Every construct whose compiled form touches the render state: prints, switches, captures, hand-offs. */
    private static final String PAGE = """
            {%- macro m(x) %}<{{ x }}>{% endmacro -%}
            {%- macro wrap() %}({{ caller() }}){% endmacro -%}
            {%- def d(a) %}[{{ a }}]{% end -%}
            {%- set s %}captured {{ xs|length }}{% endset -%}
            {{ s }}|{% autoescape false %}{{ '<b>' }}{% endautoescape %}|{{ '<i>' }}
            {% for i in xs %}{{ i }}{{ m(i) }}{{ d(i) }}{{ loop.index ~ i }}{% endfor %}
            {% call wrap() %}body{% endcall %}
            {% try %}{{ xs[9] }}{% fallback %}none{% end %}
            {% spaceless %}<p> </p> <p></p>{% end %}
            {% provide k = 7 %}{{ consume('k') }}{% end %}
            {% push 'js' %}pushed{% end %}{% stack 'js' %}
            {% include 'part.html' %}
            {% block b %}in block {{ s }}{% endblock %}
            {% flush %}{% let n = 1 %}{{ n }}""";
    private static final Map<String, String> SOURCES = Map.of("page.html", PAGE, "part.html", "part {{ xs[0] }}");

    @Test
    void generatedCodeNamesRenderStateAndNoRendererOrField() {
        Engine engine = new Engine(name -> Optional.ofNullable(SOURCES.get(name)).map(s -> new TemplateSource(name, s, name, 1)),
                name -> name.endsWith(".html"), LexerOptions.DEFAULTS, Map.of(), Map.of(), Map.of(),
                Escapers.escaper(Escapers.select(null), false), CompilePolicy.NEVER, CompileSettings.of(50, null, null), CodeGenerator.NONE,
                CacheSettings.DEFAULT, UndefinedKind.STRICT, null, Budget.DEFAULTS, TreeEvaluator.INSTANCE);
        PreparedTemplate unit = engine.load("page.html");
        byte[] bytes = TemplateCompiler.generate(unit, engine).bytes();

        Set<String> classes = new TreeSet<>();
        List<String> fields = new ArrayList<>();
        Set<String> stateMethods = new TreeSet<>();
        String state = RenderState.class.describeConstable().orElseThrow().descriptorString();
        for (PoolEntry e : ClassFile.of().parse(bytes).constantPool()) {
            switch (e) {
                case ClassEntry c -> classes.add(c.asInternalName());
                case FieldRefEntry f -> fields.add(f.owner().asInternalName() + "." + f.name().stringValue());
                case InterfaceMethodRefEntry m when m.owner().asSymbol().descriptorString().equals(state) ->
                        stateMethods.add(m.name().stringValue());
                default -> {
                }
            }
        }
        assertTrue(classes.stream().noneMatch(c -> c.startsWith("dev/kida/engine/eval/Renderer")), classes::toString);
        assertEquals(List.of(), fields.stream().filter(f -> f.startsWith("dev/kida/engine/")).toList(),
                "engine fields accessed by generated code");
        // the page reaches the render through the contract: output, switches, budget step, hand-offs
        assertTrue(stateMethods.containsAll(Set.of("out", "autoescape", "discarding", "step", "flush")), stateMethods::toString);
        assertTrue(classes.contains("dev/kida/engine/render/RenderState"), classes::toString);
    }

    @Test
    void thePageRendersTheSameInBothBackends() {
        Map<String, Object> context = Map.of("xs", List.of(1, 2));
        String evaluated = render(ExecutionMode.INTERPRETED, context);
        assertEquals(evaluated, render(ExecutionMode.COMPILED, context));
        // the hand-offs ran (include, push/stack, block), not only the inline code
        assertTrue(evaluated.contains("part 1") && evaluated.contains("pushed") && evaluated.contains("in block"), evaluated);
    }

    private static String render(ExecutionMode mode, Map<String, Object> context) {
        Environment env = Environment.builder().mode(mode)
                .loader(name -> Optional.ofNullable(SOURCES.get(name)).map(s -> new TemplateSource(name, s, name, 1)))
                .autoescape(name -> true).build();
        Template t = env.getTemplate("page.html");
        if (mode == ExecutionMode.COMPILED) {
            assertTrue(t.isCompiled(), () -> "compile failure: " + t.compileFailure());
        }
        return t.render(context);
    }
}
