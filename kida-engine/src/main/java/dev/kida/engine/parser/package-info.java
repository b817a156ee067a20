/** Pipeline stage 2: tokens to the syntax tree, with Jinja2's grammar and precedence, reporting syntax errors with positions. */
package dev.kida.engine.parser;
