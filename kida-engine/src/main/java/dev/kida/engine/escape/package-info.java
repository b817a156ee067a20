/** The pure-Java escaper backend that ships with the engine (always available). */
package dev.kida.engine.escape;
