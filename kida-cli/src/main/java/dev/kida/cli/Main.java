package dev.kida.cli;

import dev.kida.engine.ExecutionMode;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * Entry point of the {@code kida} command: parses the arguments and hands them to the command.
 * {@link #run} does all the work on the streams it is given, so tests call it in-process.
 */
public final class Main {
    /** Exit status of a successful command. */
    public static final int OK = 0;
    /** Exit status when a template fails to load, parse or render. */
    public static final int TEMPLATE_ERROR = 1;
    /** Exit status of a usage or input error. */
    public static final int USAGE_ERROR = 2;

    private Main() {
    }

    /** Runs the command and exits with its status. */
    public static void main(String[] args) {
        Timings.start();
        int replaced = LauncherGate.await(args);
        if (replaced >= 0) {
            halt(replaced);
        }
        // Own streams instead of System.out/err: UTF-8 whatever the locale, and buffered, since a
        // render is written in one go and the default System.out flushes eagerly.
        PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
                false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        int status = run(args, System.in, out, err);
        out.flush();
        Timings.mark("write");
        Timings.print(err);
        err.flush();
        halt(out.checkError() ? TEMPLATE_ERROR : status);
    }

    /**
     * Ends the process once everything is written. Not System.exit: that logs the exit through
     * System.Logger "java.lang.Runtime", whose first use starts the logging back end; and not a
     * return either: the JVM's orderly shutdown (DestroyJavaVM, shutdown hooks) then costs some
     * 5% of a cold render's wall time (docs/performance.md, "Cold start", session 20). Nothing here
     * needs that shutdown: the CLI registers no hooks, its files are closed when a command
     * returns, the engine's threads are daemons (which a JVM exit stops anyway), and the streams
     * are flushed below.
     */
    private static void halt(int status) {
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(status);
    }

    /**
     * Runs one command.
     *
     * @param args the command line, without the program name
     * @param in   standard input (read by {@code --data -})
     * @param out  standard output: the rendered text, listings
     * @param err  standard error: diagnostics
     * @return the exit status: {@link #OK}, {@link #TEMPLATE_ERROR} or {@link #USAGE_ERROR}
     */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        try {
            if (args.length == 0) {
                throw CliException.usage("no command given");
            }
            List<String> rest = Arrays.asList(args).subList(1, args.length);
            return switch (args[0]) {
                case "--version", "-V" -> {
                    noArguments("--version", rest);
                    out.println("kida " + version());
                    yield OK;
                }
                case "--help", "-h", "help" -> {
                    out.print(Usage.HELP);
                    yield OK;
                }
                case "render" -> wantsHelp(rest) ? help(out) : RenderCommand.run(parseRender(rest), in, out, err);
                case "check" -> wantsHelp(rest) ? help(out) : CheckCommand.run(parseCheck(rest), rest.contains("--strict"),
                        out, err);
                case "compile" -> wantsHelp(rest) ? help(out) : CompileCommand.run(CompileCommand.parse(rest), out, err);
                case "escapers" -> {
                    if (wantsHelp(rest)) {
                        yield help(out);
                    }
                    noArguments("escapers", rest);
                    yield EscapersCommand.run(out);
                }
                default -> throw CliException.usage("unknown command '" + args[0] + "'");
            };
        } catch (CliException e) {
            err.println("kida: " + e.getMessage());
            if (e.showUsage()) {
                err.print(Usage.SYNOPSIS);
                err.println("Run 'kida --help' for details.");
            }
            return USAGE_ERROR;
        } catch (RuntimeException e) {
            // Not a template error the engine meant to raise: a bug. Same first-line shape, then
            // the whole trace so it can be reported.
            err.println(e.getClass().getSimpleName() + ": " + e.getMessage());
            err.println("kida: internal error; please report it with this trace:");
            e.printStackTrace(err);
            return TEMPLATE_ERROR;
        } finally {
            out.flush();
        }
    }

    /** Parses the arguments of {@code render}. */
    static Options parseRender(List<String> args) throws CliException {
        String entry = null;
        String templates = null;
        String data = null;
        String escaper = null;
        ExecutionMode mode = null;
        boolean autoescape = true;
        boolean trimBlocks = false;
        boolean lstripBlocks = false;
        boolean keepTrailingNewline = false;
        String block = null;
        String blockOverrides = null;
        boolean listBlocks = false;
        boolean sandbox = false;
        boolean followLinks = false;
        String compiled = null;
        String config = null;
        String undefined = null;
        java.util.Set<String> given = new java.util.HashSet<>();
        boolean optionsEnded = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (optionsEnded || !arg.startsWith("--")) {
                if (entry != null) {
                    throw CliException.usage("render takes one template, got '" + entry + "' and '" + arg + "'");
                }
                entry = arg;
                continue;
            }
            String name = arg;
            String inlineValue = null;
            int eq = arg.indexOf('=');
            if (eq > 0) {
                name = arg.substring(0, eq);
                inlineValue = arg.substring(eq + 1);
            }
            switch (name) {
                case "--" -> optionsEnded = true;
                case "--templates" -> {
                    templates = once(name, templates, value(name, inlineValue, args, i));
                    i += inlineValue == null ? 1 : 0;
                }
                case "--data" -> {
                    data = once(name, data, value(name, inlineValue, args, i));
                    i += inlineValue == null ? 1 : 0;
                }
                case "--escaper" -> {
                    escaper = once(name, escaper, value(name, inlineValue, args, i));
                    i += inlineValue == null ? 1 : 0;
                }
                case "--mode" -> {
                    String value = value(name, inlineValue, args, i);
                    i += inlineValue == null ? 1 : 0;
                    if (mode != null) {
                        throw CliException.usage("--mode given twice");
                    }
                    mode = Mode.parse(value);
                }
                case "--autoescape" -> {
                    autoescape = flag(name, inlineValue);
                    given.add("autoescape");
                }
                case "--no-autoescape" -> {
                    autoescape = !flag(name, inlineValue);
                    given.add("autoescape");
                }
                case "--trim-blocks" -> {
                    trimBlocks = flag(name, inlineValue);
                    given.add("trim_blocks");
                }
                case "--lstrip-blocks" -> {
                    lstripBlocks = flag(name, inlineValue);
                    given.add("lstrip_blocks");
                }
                case "--keep-trailing-newline" -> {
                    keepTrailingNewline = flag(name, inlineValue);
                    given.add("keep_trailing_newline");
                }
                case "--config" -> {
                    config = once(name, config, value(name, inlineValue, args, i));
                    i += inlineValue == null ? 1 : 0;
                }
                case "--undefined" -> {
                    undefined = once(name, undefined, value(name, inlineValue, args, i));
                    i += inlineValue == null ? 1 : 0;
                }
                case "--block" -> {
                    block = once(name, block, value(name, inlineValue, args, i));
                    i += inlineValue == null ? 1 : 0;
                }
                case "--block-overrides" -> {
                    blockOverrides = once(name, blockOverrides, value(name, inlineValue, args, i));
                    i += inlineValue == null ? 1 : 0;
                }
                case "--list-blocks" -> listBlocks = flag(name, inlineValue);
                case "--compiled" -> {
                    compiled = once(name, compiled, value(name, inlineValue, args, i));
                    i += inlineValue == null ? 1 : 0;
                }
                case "--sandbox" -> sandbox = flag(name, inlineValue);
                case "--follow-links" -> followLinks = flag(name, inlineValue);
                default -> throw CliException.usage("unknown option '" + name + "' for render");
            }
        }
        if (entry == null) {
            throw CliException.usage("render needs the name of the template to render");
        }
        if (templates == null) {
            throw CliException.usage("render needs --templates DIR");
        }
        if (entry.isEmpty()) {
            throw CliException.usage("the template name is empty");
        }
        if (escaper != null && escaper.isBlank()) {
            throw CliException.usage("--escaper needs a backend name");
        }
        if ((block != null ? 1 : 0) + (blockOverrides != null ? 1 : 0) + (listBlocks ? 1 : 0) > 1) {
            throw CliException.usage("--block, --block-overrides and --list-blocks exclude each other");
        }
        if (block != null && block.isEmpty()) {
            throw CliException.usage("--block needs a block name");
        }
        return new Options(entry, Path.of(templates), data, autoescape, trimBlocks, lstripBlocks,
                keepTrailingNewline, escaper, mode, block, blockOverrides == null ? null : Path.of(blockOverrides),
                listBlocks, compiled == null ? null : Path.of(compiled), config == null ? null : Path.of(config),
                undefined, given, sandbox, followLinks);
    }

    /**
     * Parses the arguments of {@code check}: one directory, optionally {@code --extensions LIST}
     * ({@code --strict} is read by the caller).
     */
    static CheckOptions parseCheck(List<String> args) throws CliException {
        List<String> positional = new ArrayList<>();
        java.util.Set<String> extensions = null;
        boolean optionsEnded = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!optionsEnded && arg.equals("--")) {
                optionsEnded = true;
            } else if (!optionsEnded && arg.equals("--strict")) {
                continue;
            } else if (!optionsEnded && arg.startsWith("--")) {
                String name = arg;
                String inlineValue = null;
                int eq = arg.indexOf('=');
                if (eq > 0) {
                    name = arg.substring(0, eq);
                    inlineValue = arg.substring(eq + 1);
                }
                if (!name.equals("--extensions")) {
                    throw CliException.usage("unknown option '" + arg + "' for check");
                }
                if (extensions != null) {
                    throw CliException.usage("--extensions given twice");
                }
                extensions = CheckOptions.parseExtensions(value(name, inlineValue, args, i));
                i += inlineValue == null ? 1 : 0;
            } else {
                positional.add(arg);
            }
        }
        if (positional.size() != 1) {
            throw CliException.usage("check takes one directory, got " + positional.size() + " arguments");
        }
        return new CheckOptions(Path.of(positional.getFirst()),
                extensions == null ? java.util.Set.copyOf(CheckOptions.DEFAULT_EXTENSIONS) : extensions);
    }

    static String value(String name, String inlineValue, List<String> args, int i) throws CliException {
        if (inlineValue != null) {
            return inlineValue;
        }
        // "--data -" is legal; "--templates --data" is a forgotten value, not a directory named "--data".
        if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
            throw CliException.usage(name + " needs a value");
        }
        return args.get(i + 1);
    }

    static String once(String name, String previous, String value) throws CliException {
        if (previous != null) {
            throw CliException.usage(name + " given twice");
        }
        return value;
    }

    /** A flag is set by being present; {@code --flag=value} is a mistake. */
    static boolean flag(String name, String inlineValue) throws CliException {
        if (inlineValue != null) {
            throw CliException.usage(name + " takes no value");
        }
        return true;
    }

    private static boolean wantsHelp(List<String> args) {
        return args.contains("--help") || args.contains("-h");
    }

    private static int help(PrintStream out) {
        out.print(Usage.HELP);
        return OK;
    }

    private static void noArguments(String command, List<String> rest) throws CliException {
        if (!rest.isEmpty()) {
            throw CliException.usage(command + " takes no arguments, got '" + rest.getFirst() + "'");
        }
    }

    /** The project version, from the resource Maven filters at build time. */
    static String version() {
        try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("version.properties is missing from the kida.cli module");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
