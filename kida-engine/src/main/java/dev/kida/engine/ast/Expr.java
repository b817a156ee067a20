package dev.kida.engine.ast;

import java.util.List;

/**
 * Expressions. Lists in these records are never null (use {@code List.of()}); fields documented
 * as optional are {@code null} when absent.
 */
public sealed interface Expr extends Node {

    /** A constant: String, Long, BigInteger, Double, Boolean, or null for {@code none}. */
    record Literal(Pos pos, Object value) implements Expr {}

    /** A variable reference. */
    record Name(Pos pos, String name) implements Expr {}

    /** {@code [a, b]} */
    record ListLit(Pos pos, List<Expr> items) implements Expr {}

    /** {@code (a, b)} or a bare {@code a, b} where Jinja2 allows it. */
    record TupleLit(Pos pos, List<Expr> items) implements Expr {}

    /** {@code {k: v, ...}} */
    record DictLit(Pos pos, List<Entry> entries) implements Expr {}

    /** One {@code key: value} of a dict literal. */
    record Entry(Expr key, Expr value) {}

    /** {@code target.name} */
    record GetAttr(Pos pos, Expr target, String name) implements Expr {}

    /** {@code target[key]}; the key is a {@link Slice} for {@code target[a:b:c]}. */
    record GetItem(Pos pos, Expr target, Expr key) implements Expr {}

    /** The {@code a:b:c} inside brackets; each part is optional (null). */
    record Slice(Pos pos, Expr start, Expr stop, Expr step) implements Expr {}

    /** {@code not x}, {@code -x}, {@code +x}. */
    record Unary(Pos pos, UnaryOp op, Expr operand) implements Expr {}

    /** Arithmetic and {@code ~}. */
    record Binary(Pos pos, BinaryOp op, Expr left, Expr right) implements Expr {}

    /** {@code left and right}: returns an operand, short-circuits. */
    record And(Pos pos, Expr left, Expr right) implements Expr {}

    /** {@code left or right}: returns an operand, short-circuits. */
    record Or(Pos pos, Expr left, Expr right) implements Expr {}

    /** {@code a < b <= c}: a chain, each operand evaluated at most once. */
    record Compare(Pos pos, Expr first, List<Operand> rest) implements Expr {}

    /** One {@code op expr} link of a comparison chain. */
    record Operand(CompareOp op, Expr expr) {}

    /** {@code then if test else otherwise}; {@code otherwise} is optional (undefined when absent). */
    record Conditional(Pos pos, Expr test, Expr then, Expr otherwise) implements Expr {}

    /**
     * {@code callee(args, name=value, *varargs, **kwargs)}; {@code starArgs} and
     * {@code starKwargs} are optional.
     */
    record Call(Pos pos, Expr callee, List<Expr> args, List<Keyword> kwargs, Expr starArgs,
                Expr starKwargs) implements Expr {}

    /** {@code name=value} in a call. */
    record Keyword(String name, Expr value) {}

    /**
     * {@code value|name(args)}. {@code value} is null only inside a filter block or block-set,
     * where the filter applies to the body's output.
     */
    record Filter(Pos pos, Expr value, String name, List<Expr> args, List<Keyword> kwargs,
                  Expr starArgs, Expr starKwargs) implements Expr {
        /**
         * Jinja2's MarkSafeIfAutoescape node as a filter (old-style {@code trans} compiles to it):
         * a name no template can spell, since ':' never lexes as part of a filter name.
         */
        public static final String MARK_SAFE_IF_AUTOESCAPE = "i18n:mark_safe_if_autoescape";
    }

    /** {@code value is name(args)} or {@code value is not name(args)}. */
    record Test(Pos pos, Expr value, String name, List<Expr> args, List<Keyword> kwargs,
                boolean negated) implements Expr {}

    // ---- Kida's expression forms ----

    /** Kida's {@code left ?? right}: {@code right} when {@code left} is None or undefined. */
    record Nullish(Pos pos, Expr left, Expr right) implements Expr {}

    /**
     * An access chain holding at least one {@code ?.} or {@code ?[ ]}: when an optional link meets
     * None or undefined, the whole chain (everything up to the end of its postfix operators) is
     * None.
     */
    record OptionalChain(Pos pos, Expr body) implements Expr {}

    /** {@code target?.name}; only inside an {@link OptionalChain}. */
    record OptionalAttr(Pos pos, Expr target, String name) implements Expr {}

    /** {@code target?[key]}; only inside an {@link OptionalChain}. */
    record OptionalItem(Pos pos, Expr target, Expr key) implements Expr {}

    /** {@code value ?| name(args)} or a {@code ?|>} step: the filter is skipped (None) when the value is None. */
    record OptionalFilter(Pos pos, Filter filter) implements Expr {}

    /** The whole expression of a {@code {{ }}} that is an optional access: None prints as {@code ""}. */
    record BlankNone(Pos pos, Expr value) implements Expr {}

    /** {@code start..end} ({@code inclusive}) or {@code start...end}, with an optional {@code by step}. */
    record RangeLit(Pos pos, Expr start, Expr end, Expr step, boolean inclusive) implements Expr {}

    /** {@code [element for target in iterable if condition]}; {@code condition} is optional. */
    record ListComp(Pos pos, Expr element, Target target, Expr iterable, Expr condition) implements Expr {}
}
