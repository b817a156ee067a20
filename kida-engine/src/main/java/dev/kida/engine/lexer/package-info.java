/** Pipeline stage 1: template source to tokens, applying whitespace control and the lexer options. */
package dev.kida.engine.lexer;
