package dev.kida.cli;

import dev.kida.api.KidaException;

import java.io.PrintStream;

/**
 * Prints a template error the way the CLI promises: first line
 * {@code <ExceptionSimpleName>: <template>:<line>:<col>: <message>}, then the source line and a
 * caret under the column (both part of {@link KidaException#getMessage()}), then the causes that
 * are not template errors themselves, so a failing filter's Java exception is not lost.
 */
final class ErrorReport {
    private ErrorReport() {
    }

    static void print(KidaException e, PrintStream err) {
        err.println(e.getClass().getSimpleName() + ": " + e.getMessage());
        Throwable cause = e.getCause();
        while (cause != null && cause != cause.getCause()) {
            err.println("  caused by " + cause.getClass().getName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
            cause = cause.getCause();
        }
    }
}
