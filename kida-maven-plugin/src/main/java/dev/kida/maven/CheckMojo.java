package dev.kida.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses every template under the folder, as {@code kida check} does, and fails the build listing
 * {@code file:line:column: message} for every broken template (syntax errors, unknown filters or
 * tests, def calls that cannot succeed, files that are not UTF-8 text).
 *
 * <p>The engine needs a JDK 25 or newer; Maven may run on an older one. The goal runs the engine in
 * a forked JVM of: the {@code jdkHome} parameter, else the JDK toolchain selected in the build
 * (maven-toolchains-plugin {@code select-jdk-toolchain} with {@code <version>[25,)</version>}),
 * else a matching toolchain of {@code toolchains.xml}, else the JDK running Maven, else
 * {@code JAVA_HOME}; when none is 25 or newer, the error says how to fix it.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.PROCESS_SOURCES, threadSafe = true)
public class CheckMojo extends AbstractKidaMojo {
    /** Also reports each bare {@code {% end %}} with the explicit closer it should be ({@code kida check --strict}). */
    @Parameter(property = "kida.strict", defaultValue = "false")
    private boolean strict;

    /** When false, problems are logged as errors but the build goes on. */
    @Parameter(property = "kida.failOnError", defaultValue = "true")
    private boolean failOnError;

    /** Creates the goal (Maven instantiates it). */
    public CheckMojo() {
    }

    @Override
    protected List<String> arguments() {
        List<String> args = new ArrayList<>();
        args.add("check");
        if (strict) {
            args.add("--strict");
        }
        addExtensions(args);
        args.add(templates.getAbsolutePath());
        return args;
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("kida: check skipped");
            return;
        }
        Path folder = templateFolder();
        CliRun run = runKida();
        if (run.status() == 2) {
            throw new MojoExecutionException("kida check could not run: " + String.join("\n", run.err()));
        }
        List<Problem> problems = Problem.parse(run.err(), folder, project.getBasedir().toPath());
        run.out().forEach(line -> getLog().info("kida: " + line));
        if (run.status() == 0) {
            return;
        }
        if (problems.isEmpty()) {
            throw new MojoExecutionException("kida check failed (status " + run.status() + ") without naming a"
                    + " template:\n" + String.join("\n", run.err()));
        }
        String summary = run.err().stream().filter(line -> line.startsWith("checked ")).findFirst()
                .orElse("kida check found errors");
        if (failOnError) {
            fail(summary + ":", problems);
        }
        problems.forEach(p -> getLog().error(p.describe()));
        getLog().warn(summary + " (failOnError is false: the build goes on)");
    }
}
