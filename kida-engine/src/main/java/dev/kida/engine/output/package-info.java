/** Where rendered text goes: a String buffer or UTF-8 bytes, with pre-encoded static text. */
package dev.kida.engine.output;
