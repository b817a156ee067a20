/**
 * The base of the value model, which every other runtime package builds on: Python's types over
 * Java values ({@code Tuple}, {@code Range}, dict views, one-shot iterators, {@code Undefined},
 * bound built-in methods), what Python says about any value before an operation (type name,
 * truth, iteration, {@code repr}/{@code str}, slicing), and the guard on reading Java objects
 * ({@code AccessPolicy}) with the render's limits it enforces ({@code Budget}, {@code Sandbox}).
 * These sit together because they call each other: {@code repr} of a Java object asks the
 * access policy, whose messages show a {@code repr}.
 */
package dev.kida.engine.runtime.value;
