/**
 * The compiler as the engine loads it: the {@link java.util.ServiceLoader} provider of the
 * engine's compiler backend, over the compiler ({@code dev.kida.compiler}) and the precompiled
 * stores ({@code dev.kida.compiler.precompiled}). Its own package, so that neither of those two
 * depends on the other both ways.
 */
package dev.kida.compiler.service;
