/**
 * Pipeline stage 3, second backend: a template's bodies compiled to JVM bytecode with
 * {@code java.lang.classfile} and defined as a hidden class, calling the same runtime as the
 * evaluator. Statements it does not compile are handed to the evaluator.
 */
package dev.kida.compiler;
