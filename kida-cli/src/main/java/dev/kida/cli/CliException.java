package dev.kida.cli;

/**
 * A failure that is the user's to fix before anything is rendered: a bad argument, an unreadable
 * or malformed data file, a missing directory. The command exits with status 2.
 */
final class CliException extends Exception {
    private static final long serialVersionUID = 1L;

    private final boolean showUsage;

    private CliException(String message, boolean showUsage) {
        super(message);
        this.showUsage = showUsage;
    }

    /** A mistake in the arguments: the usage summary is printed after the message. */
    static CliException usage(String message) {
        return new CliException(message, true);
    }

    /** A problem with an input (file, directory, data): the message says it all. */
    static CliException input(String message) {
        return new CliException(message, false);
    }

    /** Whether the usage summary should follow the message. */
    boolean showUsage() {
        return showUsage;
    }
}
