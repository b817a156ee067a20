/**
 * The objects templates are handed by the engine rather than by the application: Jinja2's
 * built-in globals ({@code range}, {@code dict}, {@code lipsum}, {@code cycler}, {@code joiner},
 * {@code namespace}) and what they return, and the tuples {@code groupby} yields. Built on the
 * value model of {@code runtime}, which does not know them.
 */
package dev.kida.engine.runtime.objects;
