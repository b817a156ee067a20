package dev.kida.engine.ast;

/** Any node of a parsed template; every node knows where it came from, for error messages. */
public sealed interface Node permits Expr, Stmt {
    Pos pos();
}
