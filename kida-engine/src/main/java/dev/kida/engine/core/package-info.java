/**
 * The engine hub, which both execution backends plug into: {@code Engine} (one per Environment:
 * merged filters, tests and globals, the template cache, the render entry points),
 * {@code PreparedTemplate} (a parsed, analysed template) with its {@code CompilationState}
 * (evaluated until compiled code is installed; tiered mode compiles warm templates on the
 * {@code BackgroundCompiler}), and the two doors: {@link dev.kida.engine.core.Evaluator} (the
 * tree-walking evaluator, which every render starts in) and {@link dev.kida.engine.core.CompilerBackend}
 * (the bytecode compiler of module {@code kida.compiler}, JDK 24+, found by
 * {@link dev.kida.engine.core.CompilerBackends}) with what it hands back ({@code Compiled},
 * {@code CompiledCode}, {@code CompiledStore}). Depends on the front end (parser, analysis) and
 * the render contract ({@code render}); neither backend's package.
 */
package dev.kida.engine.core;
