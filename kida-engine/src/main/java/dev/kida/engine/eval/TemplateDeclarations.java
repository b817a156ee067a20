package dev.kida.engine.eval;

import dev.kida.engine.ast.Stmt;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the checker reads from template-level setup statements. */
final class TemplateDeclarations {
    private TemplateDeclarations() {
    }

    /** The context types a {@code {% template %}} declaration gives, by name (empty for other statements). */
    static Map<String, String> of(Stmt s) {
        if (!(s instanceof Stmt.TemplateDecl decl)) {
            return Map.of();
        }
        Map<String, String> types = new LinkedHashMap<>();
        for (Stmt.Declared d : decl.names()) {
            types.put(d.name(), d.type());
        }
        return types;
    }

    /** The body of a {@code {% globals %}}/{@code {% imports %}} block, whose defs are top-level ones. */
    static Optional<List<Stmt>> setupBody(Stmt s) {
        return s instanceof Stmt.Globals g ? Optional.of(g.body()) : Optional.empty();
    }
}
