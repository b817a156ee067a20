package dev.kida.engine.ast;

import java.util.List;

/**
 * Statements. Bodies are lists of statements, never null. Optional fields are {@code null}.
 */
public sealed interface Stmt extends Node {

    /** Literal template text (after whitespace control); also what {@code raw} produces. */
    record Text(Pos pos, String text) implements Stmt {}

    /** {@code {{ expr }}} */
    record Print(Pos pos, Expr expr) implements Stmt {}

    /** {@code if / elif / else}: the first branch whose test is true runs, else {@code orElse}. */
    record If(Pos pos, List<Branch> branches, List<Stmt> orElse) implements Stmt {}

    /** One {@code if} or {@code elif} arm. */
    record Branch(Expr test, List<Stmt> body) {}

    /**
     * {@code for target in iter [if filter] [recursive]} ... {@code else} ... {@code endfor}.
     * {@code filter} is optional.
     */
    record For(Pos pos, Target target, Expr iter, Expr filter, List<Stmt> body, List<Stmt> orElse,
               boolean recursive) implements Stmt {}

    /** {@code set target = value} */
    record Set(Pos pos, Target target, Expr value) implements Stmt {}

    /**
     * {@code set target [| filters] %}body{% endset}: captures the body's output. {@code filters}
     * are {@link Expr.Filter} nodes with a null value, applied in order.
     */
    record SetBlock(Pos pos, Target target, List<Expr.Filter> filters, List<Stmt> body)
            implements Stmt {}

    /** {@code with a = 1, b = 2} ... {@code endwith}: a new scope. */
    record With(Pos pos, List<Assignment> assignments, List<Stmt> body) implements Stmt {}

    /** One {@code target = value} of a {@code with}. */
    record Assignment(Target target, Expr value) {}

    /** {@code macro name(params)} ... {@code endmacro} */
    record Macro(Pos pos, String name, List<Param> params, List<Stmt> body) implements Stmt {}

    /** A macro or call-block parameter; {@code defaultValue} is optional. */
    record Param(String name, Expr defaultValue) {}

    /** {@code call[(params)] macro(args)} ... {@code endcall}: the body becomes {@code caller}. */
    record CallBlock(Pos pos, Expr.Call call, List<Param> callerParams, List<Stmt> body)
            implements Stmt {}

    /** {@code filter f1|f2(args)} ... {@code endfilter}; filters have a null value. */
    record FilterBlock(Pos pos, List<Expr.Filter> filters, List<Stmt> body) implements Stmt {}

    /** {@code include expr [ignore missing] [with|without context]} */
    record Include(Pos pos, Expr template, boolean ignoreMissing, boolean withContext)
            implements Stmt {}

    /** {@code import expr as alias [with|without context]} */
    record Import(Pos pos, Expr template, String alias, boolean withContext) implements Stmt {}

    /** {@code from expr import a, b as c [with|without context]} */
    record FromImport(Pos pos, Expr template, List<ImportName> names, boolean withContext)
            implements Stmt {}

    /** One name of a from-import; {@code alias} equals {@code name} when none was given. */
    record ImportName(String name, String alias) {}

    /** {@code extends expr} */
    record Extends(Pos pos, Expr template) implements Stmt {}

    /** {@code block name [scoped] [required]} ... {@code endblock} */
    record Block(Pos pos, String name, List<Stmt> body, boolean scoped, boolean required)
            implements Stmt {}

    /** {@code autoescape expr} ... {@code endautoescape} */
    record Autoescape(Pos pos, Expr enabled, List<Stmt> body) implements Stmt {}

    /** {@code do expr}: evaluates for its side effects (Jinja2's expression-statement extension). */
    record Do(Pos pos, Expr expr) implements Stmt {}

    /** {@code break} inside a loop (Jinja2's loop-controls extension). */
    record Break(Pos pos) implements Stmt {}

    /** {@code continue} inside a loop (Jinja2's loop-controls extension). */
    record Continue(Pos pos) implements Stmt {}
}
