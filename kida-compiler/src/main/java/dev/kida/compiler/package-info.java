/**
 * Pipeline stage 3, second backend: a template's bodies compiled to JVM bytecode with
 * {@code java.lang.classfile} and defined as a hidden class, calling the same runtime as the
 * evaluator. Statements it does not compile are handed to the evaluator.
 *
 * <p>{@link dev.kida.compiler.TemplateCompiler} builds the class (a method per body, the class
 * data, the position table); {@code BodyCompiler} generates one body's code through parts that
 * each own one concern (statements, loops, Kida's statements, expressions, calls, printing,
 * variables, jumps, positions, constants; see its javadoc). Generated code calls
 * {@code CompiledHelpers} and reads attributes through the call sites {@code AttributeSite} and
 * {@code FusedAttributeSite}.
 */
package dev.kida.compiler;
