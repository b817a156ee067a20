package dev.kida.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Compiles every template under the folder ahead of time, as {@code kida compile} does: one
 * {@code NAME.kidac} per template (its class file, template tree and constants) and
 * {@code kida-manifest.tsv}, by default into {@code target/classes/kida-compiled}, where
 * {@code Environment.builder().precompiled(classLoader, "kida-compiled")} finds them at run time
 * and loads each template without lexing or parsing (a template whose source, engine build or
 * options differ is compiled as usual: stale code never runs). The options that shape the code
 * (autoescape, trimBlocks, lstripBlocks, keepTrailingNewline) must be those of the application's
 * environment, or the files are not used. Fails the build listing {@code file:line:column: message}
 * for each template that does not compile.
 *
 * <p>The engine needs a JDK 25 or newer; Maven may run on an older one: see the {@code check} goal
 * for where that JDK is looked for. The goal does nothing when no template, option or kida jar
 * changed since its last run.
 */
@Mojo(name = "compile", defaultPhase = LifecyclePhase.PROCESS_CLASSES, threadSafe = true)
public class CompileMojo extends AbstractKidaMojo {
    /** Where the compiled templates go; the default is on the class path under {@code kida-compiled}. */
    @Parameter(property = "kida.output", defaultValue = "${project.build.outputDirectory}/kida-compiled")
    private File output;

    /** HTML autoescaping, as {@code Environment.Builder.autoescape(boolean)}. */
    @Parameter(property = "kida.autoescape", defaultValue = "true")
    private boolean autoescape;

    /** As {@code Environment.Builder.trimBlocks}. */
    @Parameter(property = "kida.trimBlocks", defaultValue = "false")
    private boolean trimBlocks;

    /** As {@code Environment.Builder.lstripBlocks}. */
    @Parameter(property = "kida.lstripBlocks", defaultValue = "false")
    private boolean lstripBlocks;

    /** As {@code Environment.Builder.keepTrailingNewline}. */
    @Parameter(property = "kida.keepTrailingNewline", defaultValue = "false")
    private boolean keepTrailingNewline;

    /** Creates the goal (Maven instantiates it). */
    public CompileMojo() {
    }

    @Override
    protected List<String> arguments() {
        List<String> args = new ArrayList<>(List.of("compile", "--templates", templates.getAbsolutePath(),
                "--output", output.getAbsolutePath()));
        args.add(autoescape ? "--autoescape" : "--no-autoescape");
        if (trimBlocks) {
            args.add("--trim-blocks");
        }
        if (lstripBlocks) {
            args.add("--lstrip-blocks");
        }
        if (keepTrailingNewline) {
            args.add("--keep-trailing-newline");
        }
        addExtensions(args);
        return args;
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("kida: compile skipped");
            return;
        }
        Path folder = templateFolder();
        Path stamp = Path.of(project.getBuild().getDirectory(), "kida-maven-plugin", "compile.stamp");
        StringBuilder key = new StringBuilder(String.join("\n", arguments()));
        for (Path jar : modulePath()) {
            key.append('\n').append(jar).append(' ').append(modified(jar));
        }
        if (upToDate(stamp, key.toString(), output.toPath(), folder)) {
            getLog().info("kida: compiled templates in " + output + " are up to date");
            return;
        }
        CliRun run = runKida();
        if (run.status() == 2) {
            throw new MojoExecutionException("kida compile could not run: " + String.join("\n", run.err()));
        }
        List<Problem> problems = Problem.parse(run.err(), folder, project.getBasedir().toPath());
        if (run.status() != 0 || !problems.isEmpty()) {
            fail("kida compile: " + problems.size() + " of " + (problems.size() + run.out().size())
                    + " templates do not compile:", problems);
        }
        getLog().info("kida: compiled " + run.out().size() + (run.out().size() == 1 ? " template" : " templates")
                + " into " + output);
        try {
            Files.createDirectories(stamp.getParent());
            Files.writeString(stamp, key.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            // only costs a recompilation next time; say so
            getLog().warn("kida: could not write " + stamp + " (" + e.getMessage() + "); the next build compiles again");
        }
    }

    /** Same arguments and jars as last time, the manifest still there, and no file newer than the stamp. */
    static boolean upToDate(Path stamp, String key, Path output, Path folder) {
        try {
            if (!Files.isRegularFile(stamp) || !Files.isRegularFile(output.resolve("kida-manifest.tsv"))
                    || !Files.readString(stamp, StandardCharsets.UTF_8).equals(key)) {
                return false;
            }
            long made = Files.getLastModifiedTime(stamp).toMillis();
            try (Stream<Path> files = Files.walk(folder)) {
                return files.allMatch(f -> modified(f) < made);
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }
}
