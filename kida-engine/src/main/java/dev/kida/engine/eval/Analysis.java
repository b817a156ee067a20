package dev.kida.engine.eval;

import dev.kida.api.TemplateSyntaxException;
import dev.kida.engine.ast.Expr;
import dev.kida.engine.ast.Node;
import dev.kida.engine.ast.Stmt;
import dev.kida.engine.ast.TemplateNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Checks a parsed template against the environment before it first runs, as Jinja2's compiler
 * does: unknown filters and tests are errors at load time, even in branches that never run,
 * except inside an {@code if} (statement or expression), where Jinja2 defers them to run time.
 * Also collects the template's blocks.
 */
final class Analysis {
    private Analysis() {
    }

    static Map<String, Stmt.Block> blocks(TemplateNode node) {
        Map<String, Stmt.Block> blocks = new LinkedHashMap<>();
        AstWalker.walk(node.body(), n -> {
            if (n instanceof Stmt.Block b) {
                blocks.putIfAbsent(b.name(), b);
            }
        });
        return Map.copyOf(blocks);
    }

    /**
     * @throws TemplateSyntaxException naming the first unknown filter or test, at its position
     */
    static void checkNames(TemplateNode node, Predicate<String> hasFilter, Predicate<String> hasTest) {
        AstWalker.walkWithSoftness(node.body(), (n, soft) -> {
            if (soft) {
                return;
            }
            String problem = switch (n) {
                case Expr.Filter f when !hasFilter.test(f.name()) -> "No filter named '" + f.name() + "'.";
                case Expr.Test t when !hasTest.test(t.name()) -> "No test named '" + t.name() + "'.";
                default -> null;
            };
            if (problem != null) {
                throw located(node, n, problem);
            }
        });
    }

    private static TemplateSyntaxException located(TemplateNode node, Node n, String detail) {
        Unit probe = new Unit(node.name(), node, Map.of(), false, 0, new Tier());
        int line = n.pos().line();
        return new TemplateSyntaxException(detail, node.name(), line, n.pos().column(),
                probe.sourceLine(line), null);
    }

    /** Whether any expression in the body (not in nested macros or call blocks) names {@code name}. */
    static boolean references(List<Stmt> body, String name) {
        boolean[] found = {false};
        AstWalker.walkShallow(body, n -> {
            if (n instanceof Expr.Name nm && nm.name().equals(name)) {
                found[0] = true;
            }
        });
        return found[0];
    }
}
