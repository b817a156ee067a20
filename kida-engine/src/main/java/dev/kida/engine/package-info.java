/**
 * The engine's public face: {@link dev.kida.engine.Environment} (configuration, template cache),
 * {@link dev.kida.engine.Template} (render entry points), {@link dev.kida.engine.Loaders} and
 * {@link dev.kida.engine.Escapers}. Everything below it is internal and not exported.
 */
package dev.kida.engine;
