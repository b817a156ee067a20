/**
 * What both execution backends share: the door through which the bytecode compiler (module
 * {@code kida.compiler}, JDK 24+) plugs into the engine, and how the engine finds it.
 */
package dev.kida.engine.core;
