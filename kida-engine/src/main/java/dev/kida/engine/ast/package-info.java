/** The syntax tree: sealed interfaces of records for statements, expressions and assignment targets, with their source positions. */
package dev.kida.engine.ast;
