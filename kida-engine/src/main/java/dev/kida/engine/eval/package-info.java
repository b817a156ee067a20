/**
 * Pipeline stage 3, the tree-walking evaluator: one {@code Renderer} per render (the render state,
 * which implements {@link dev.kida.engine.render.RenderState} for compiled code), statements and
 * expressions ({@code StatementExecutor}, {@code ExpressionEvaluator}, Kida's statements), macros
 * and defs, and the static checker. The engine hub reaches it through
 * {@link dev.kida.engine.core.Evaluator} ({@link dev.kida.engine.eval.TreeEvaluator}); it depends
 * on the hub, never the other way round, and knows nothing of the compiler.
 */
package dev.kida.engine.eval;
