/**
 * A running render as both backends share it: variable scopes ({@link dev.kida.engine.render.Frame})
 * and the render-state contract compiled code talks to ({@link dev.kida.engine.render.RenderState}),
 * which the evaluator implements. Below the engine hub ({@code core}) and the evaluator
 * ({@code eval}); depends only on the AST, outputs and the value model.
 */
package dev.kida.engine.render;
