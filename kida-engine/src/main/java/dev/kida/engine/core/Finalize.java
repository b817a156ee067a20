package dev.kida.engine.core;

import dev.kida.api.CallContext;

import java.util.function.BiFunction;

/**
 * Jinja2's {@code finalize}: a function applied to every value {@code {{ }}} prints, never to
 * static text.
 *
 * @param function   the user's function, given the render and the value
 * @param contextual whether it uses the render (Jinja2's {@code pass_context}): then constants
 *                   are finalized at run time like any value; otherwise, as in Jinja2, a constant
 *                   expression is escaped first (when autoescaping) and finalized after
 */
public record Finalize(BiFunction<CallContext, Object, Object> function, boolean contextual) {
}
