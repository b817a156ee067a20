/**
 * Pipeline stage 3 and the engine hub: loading and caching templates ({@code Engine}, {@code PreparedTemplate}),
 * load-time analysis, and the tree-walking evaluator with its render state ({@code Renderer},
 * {@code Frame}). Compiled code plugs in through {@link dev.kida.engine.eval.CodeGenerator}; this
 * package does not depend on the compiler.
 */
package dev.kida.engine.eval;
