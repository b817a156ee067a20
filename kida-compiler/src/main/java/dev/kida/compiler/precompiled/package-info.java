/**
 * Compiled templates kept outside the JVM: {@code NAME.kidac} files and their manifest
 * ({@code kida compile}, {@code Environment.Builder.precompiled}) and the on-disk compiled cache
 * ({@code compiledCache}). A file is used only for the exact source, engine build and options it
 * was made from; anything else is parsed again.
 */
package dev.kida.compiler.precompiled;
