package dev.kida.engine.core;

import dev.kida.engine.analysis.TemplateFacts;
import dev.kida.engine.ast.Pos;
import dev.kida.engine.ast.Stmt;
import dev.kida.engine.ast.TemplateNode;

import java.util.Map;
import java.util.Set;

/**
 * A parsed and checked template, ready to run: the AST plus what analysis found out about it.
 * Immutable; shared by every render of the template.
 *
 * @param name       the template's name
 * @param node       the AST
 * @param blocks     every block the template defines, at any depth, by name
 * @param innerBlocks the block statements below the top level, which render where they stand
 *                    even after {@code extends} (identity set)
 * @param autoescape whether the template is autoescaped by default
 * @param version    the loader's version of the source, to tell a stale cache entry
 * @param compilation which backend runs it: evaluator, or compiled code once installed
 * @param facts      what analysis knows about its loops and macro bodies
 */
public record PreparedTemplate(String name, TemplateNode node, Map<String, Stmt.Block> blocks,
                   Set<Stmt.Block> innerBlocks, boolean autoescape,
                   long version, CompilationState compilation, TemplateFacts facts) {

    /**
     * Whether a block statement of this template renders where it stands: always below the top
     * level, at the top level only while no {@code extends} has run.
     */
    public boolean rendersInPlace(Stmt.Block b, boolean extended) {
        return !extended || innerBlocks.contains(b);
    }

    /** The source line at a 1-based line number, for error messages; null when out of range. */
    public String sourceLine(int line) {
        return node.sourceLine(line);
    }

    /** Returns the exception located at {@code pos} in this template (unless already located). */
    public dev.kida.api.KidaException locate(dev.kida.api.KidaException e, Pos pos) {
        if (e.hasLocation() || pos.line() <= 0) {
            return e;
        }
        return e.at(name, pos.line(), pos.column(), sourceLine(pos.line()));
    }
}
