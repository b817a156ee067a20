package dev.kida.engine.analysis;

import dev.kida.api.RuntimeErrorKind;
import dev.kida.api.TemplateRuntimeException;
import dev.kida.api.TemplateSyntaxException;
import dev.kida.engine.ast.Expr;
import dev.kida.engine.ast.Node;
import dev.kida.engine.ast.Stmt;
import dev.kida.engine.ast.TemplateNode;
import dev.kida.engine.runtime.UnknownCallable;

import java.util.List;
import java.util.function.Predicate;

/**
 * Checks a parsed template against the environment before it first runs, as Jinja2's compiler
 * does: unknown filters and tests are errors at load time, even in branches that never run, and
 * so are the limits of the Python code Jinja2 would generate.
 */
public final class LoadChecks {
    private LoadChecks() {
    }

    /** CPython's limit on statically nested blocks (loops, try) in one function. */
    private static final int MAX_NESTED_BLOCKS = 20;
    /** CPython's limit on indentation levels in a source file. */
    private static final int MAX_INDENT = 100;

    /**
     * Jinja2 compiles a template to Python source, which CPython refuses when a function holds
     * more than 20 statically nested blocks (each {@code for} is one, an {@code include} two: its
     * loop and try) or when a line is indented 100 levels deep (the root function's body is at
     * level 1; an if, for, macro or call body one deeper, a recursive loop body two, an include's
     * code two below its statement; a block body starts again at 1).
     *
     * @throws TemplateRuntimeException as Jinja2 fails, with a Python SyntaxError at load time
     */
    public static void checkNesting(TemplateNode node) {
        nesting(node.body(), 0, 1, node);
    }

    private static void nesting(List<Stmt> body, int loops, int indent, TemplateNode node) {
        // if-chains, not pattern switches, here and in checkNames: each pattern switch links
        // through SwitchBootstraps.typeSwitch, which spins a class at its first use in every
        // process (docs/performance.md, "Cold start")
        for (Stmt s : body) {
            if (s instanceof Stmt.For f) {
                int inner = f.recursive() ? 1 : loops + 1;
                int level = indent + (f.recursive() ? 2 : 1);
                tooDeep(inner, level, node);
                nesting(f.body(), inner, level, node);
                nesting(f.orElse(), inner, indent + 1, node);
            } else if (s instanceof Stmt.Include) {
                tooDeep(loops + 2, indent + 2, node);
            } else if (s instanceof Stmt.If i) {
                tooDeep(loops, indent + 1, node);
                for (Stmt.Branch branch : i.branches()) {
                    nesting(branch.body(), loops, indent + 1, node);
                }
                nesting(i.orElse(), loops, indent + 1, node);
            } else if (s instanceof Stmt.With w) {
                nesting(w.body(), loops, indent, node);
            } else if (s instanceof Stmt.FilterBlock fb) {
                nesting(fb.body(), loops, indent, node);
            } else if (s instanceof Stmt.SetBlock sb) {
                nesting(sb.body(), loops, indent, node);
            } else if (s instanceof Stmt.Autoescape a) {
                nesting(a.body(), loops, indent, node);
            } else if (s instanceof Stmt.Macro m) {
                tooDeep(0, indent + 1, node);
                nesting(m.body(), 0, indent + 1, node);
            } else if (s instanceof Stmt.CallBlock c) {
                tooDeep(0, indent + 1, node);
                nesting(c.body(), 0, indent + 1, node);
            } else if (s instanceof Stmt.Block b) {
                nesting(b.body(), 0, 1, node);
            }
        }
    }

    private static void tooDeep(int loops, int indent, TemplateNode node) {
        if (loops > MAX_NESTED_BLOCKS) {
            throw new TemplateRuntimeException(RuntimeErrorKind.SYNTAX_ERROR,
                    "too many statically nested blocks in template '" + node.name()
                    + "' (Jinja2's Python code allows " + MAX_NESTED_BLOCKS + ")");
        }
        if (indent >= MAX_INDENT) {
            throw new TemplateRuntimeException(RuntimeErrorKind.SYNTAX_ERROR,
                    "too many levels of indentation in template '" + node.name()
                    + "' (Jinja2's Python code allows " + (MAX_INDENT - 1) + ")");
        }
    }

    /**
     * @throws TemplateSyntaxException naming the first unknown filter or test, at its position
     */
    public static void checkNames(TemplateNode node, Predicate<String> hasFilter, Predicate<String> hasTest) {
        // In a soft place (a branch of an if, a conditional expression) Jinja2 defers an unknown
        // filter or test to a runtime error, raised only if that code runs.
        Traversal.everythingWithSoftness(node.body(), (n, soft) -> {
            String problem = null;
            if (n instanceof Expr.Filter f) {
                if (!soft && !hasFilter.test(f.name())) {
                    problem = UnknownCallable.filterByName(f.name()).getMessage();
                }
            } else if (n instanceof Expr.Test t) {
                if (!soft && !hasTest.test(t.name())) {
                    problem = UnknownCallable.testByName(t.name()).getMessage();
                }
            } else if (n instanceof Stmt.Macro m) {
                if (callerWithoutDefault(m.params(), m.body())) {
                    problem = CALLER_PARAM;
                }
            } else if (n instanceof Stmt.CallBlock c && callerWithoutDefault(c.callerParams(), c.body())) {
                problem = CALLER_PARAM;
            }
            if (problem != null) {
                throw located(node, n, problem);
            }
        });
    }

    private static final String CALLER_PARAM = "When defining macros or call blocks the special 'caller'"
            + " argument must be omitted or be given a default.";

    /** A {@code caller} parameter without a default, in a body that uses {@code caller}. */
    private static boolean callerWithoutDefault(List<Stmt.Param> params, List<Stmt> body) {
        return params.stream().anyMatch(p -> p.name().equals("caller") && p.defaultValue() == null)
                && Names.references(body, "caller");
    }

    private static TemplateSyntaxException located(TemplateNode node, Node n, String detail) {
        int line = n.pos().line();
        return new TemplateSyntaxException(detail, node.name(), line, n.pos().column(), node.sourceLine(line), null);
    }
}
