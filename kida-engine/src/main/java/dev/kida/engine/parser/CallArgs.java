package dev.kida.engine.parser;

import dev.kida.engine.ast.Expr;
import java.util.List;

/** The parenthesised arguments of a call, filter or test; the star parts may be null. */
record CallArgs(List<Expr> args, List<Expr.Keyword> kwargs, Expr starArgs, Expr starKwargs) {
    static final CallArgs NONE = new CallArgs(List.of(), List.of(), null, null);
}
