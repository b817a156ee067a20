package dev.kida.engine.ast;

import java.util.List;

/**
 * A whole parsed template.
 *
 * @param name   the template's name, for messages
 * @param source the source text (after newline normalisation), for showing error lines
 * @param body   the top-level statements
 */
public record TemplateNode(String name, String source, List<Stmt> body) {
}
