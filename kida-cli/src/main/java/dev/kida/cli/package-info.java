/**
 * The {@code kida} command line: argument parsing, the render, check and escapers commands, a
 * small JSON reader for the render context, and the error report format.
 */
package dev.kida.cli;
