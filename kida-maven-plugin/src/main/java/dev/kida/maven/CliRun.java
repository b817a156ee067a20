package dev.kida.maven;

import org.apache.maven.plugin.MojoExecutionException;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * One run of the {@code kida} command line ({@code kida.cli} module) in a forked JVM of a JDK the
 * engine runs on, with the kida jars this plugin depends on as the module path.
 *
 * @param status the exit status (0 fine, 1 template errors, 2 usage or input error)
 * @param out    the lines written on standard output
 * @param err    the lines written on standard error
 */
record CliRun(int status, List<String> out, List<String> err) {
    /** The CLI's main class, in module {@code kida.cli}. */
    static final String MAIN = "kida.cli/dev.kida.cli.Main";

    /** The full command line of the forked JVM. */
    static List<String> command(Path java, List<Path> modulePath, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        // A short-lived process: the client compiler and the serial collector start fastest.
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        command.add("-Dfile.encoding=UTF-8");
        command.add("--module-path");
        command.add(modulePath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        command.add("--module");
        command.add(MAIN);
        command.addAll(arguments);
        return command;
    }

    static CliRun run(List<String> command, Path workingDirectory) throws MojoExecutionException {
        Process process;
        try {
            process = new ProcessBuilder(command).directory(workingDirectory.toFile())
                    .redirectInput(ProcessBuilder.Redirect.PIPE).start();
        } catch (IOException e) {
            throw new MojoExecutionException("kida-maven-plugin could not start " + command.get(0) + ": " + e.getMessage(), e);
        }
        try {
            process.getOutputStream().close();
            CompletableFuture<List<String>> err = CompletableFuture.supplyAsync(() -> lines(process.getErrorStream()));
            List<String> out = lines(process.getInputStream());
            int status = process.waitFor();
            return new CliRun(status, out, err.join());
        } catch (IOException | UncheckedIOException e) {
            process.destroyForcibly();
            throw new MojoExecutionException("kida-maven-plugin lost the output of the kida process: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("kida-maven-plugin was interrupted while kida ran", e);
        }
    }

    private static List<String> lines(InputStream in) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
