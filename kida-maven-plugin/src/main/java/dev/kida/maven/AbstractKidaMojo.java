package dev.kida.maven;

import org.apache.maven.artifact.Artifact;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.toolchain.ToolchainManager;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What both goals share: the template folder, which files are templates, and running the
 * {@code kida} command on a JDK new enough for the engine (see {@link JdkLocator}).
 */
abstract class AbstractKidaMojo extends AbstractMojo {
    /** The folder holding the templates, searched recursively; names are paths relative to it. */
    @Parameter(property = "kida.templates", defaultValue = "${project.basedir}/src/main/resources/templates")
    protected File templates;

    /**
     * The file-name endings that mark a template (with or without the dot); other files in the
     * folder (images, scripts) are skipped. Default: html, htm, xml, txt, j2, jinja, kida.
     */
    @Parameter(property = "kida.extensions")
    protected List<String> extensions;

    /** A JDK 25 or newer to run the engine on, instead of looking for one (see the goal's description). */
    @Parameter(property = "kida.jdkHome")
    protected File jdkHome;

    /** Skips the goal. */
    @Parameter(property = "kida.skip", defaultValue = "false")
    protected boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    protected PluginDescriptor plugin;

    @Component
    protected ToolchainManager toolchainManager;

    /** The arguments of the {@code kida} command for this goal. */
    protected abstract List<String> arguments();

    /** Runs the {@code kida} command with {@link #arguments()} and returns what it printed. */
    protected CliRun runKida() throws MojoExecutionException {
        JdkLocator.Jdk jdk = JdkLocator.locate(jdkHome == null ? null : jdkHome.toPath(), toolchainManager, session);
        getLog().debug("kida: running on " + jdk.foundBy());
        List<String> command = CliRun.command(jdk.java(), modulePath(), arguments());
        getLog().debug("kida: " + String.join(" ", command));
        return CliRun.run(command, project.getBasedir().toPath());
    }

    /** The kida jars this plugin was resolved with (the user may pin another version in its dependencies). */
    protected List<Path> modulePath() throws MojoExecutionException {
        List<Path> jars = new ArrayList<>();
        for (Artifact artifact : plugin.getArtifacts()) {
            if ("dev.kida".equals(artifact.getGroupId()) && "jar".equals(artifact.getType()) && artifact.getFile() != null
                    && !artifact.getArtifactId().equals(plugin.getArtifactId())) {
                jars.add(artifact.getFile().toPath());
            }
        }
        if (jars.stream().noneMatch(jar -> jar.getFileName().toString().startsWith("kida-cli"))) {
            throw new MojoExecutionException("kida-maven-plugin: the plugin's dependency dev.kida:kida-cli was not"
                    + " resolved (found " + jars + "); if the plugin's <dependencies> override the kida artifacts,"
                    + " keep kida-cli among them");
        }
        return jars;
    }

    /** The template folder, or a failure that names the parameter to set. */
    protected Path templateFolder() throws MojoFailureException {
        Path dir = templates.toPath();
        if (!Files.isDirectory(dir)) {
            throw new MojoFailureException("kida: the template folder " + dir + " does not exist; set <templates> in"
                    + " the plugin's configuration (or -Dkida.templates=...) to the folder holding your templates");
        }
        return dir;
    }

    /** {@code --extensions a,b} when the user set any. */
    protected void addExtensions(List<String> args) {
        if (extensions != null && !extensions.isEmpty()) {
            args.add("--extensions");
            args.add(String.join(",", extensions));
        }
    }

    /** Logs each problem as an error and fails with all of them in the message. */
    protected void fail(String what, List<Problem> problems) throws MojoFailureException {
        StringBuilder message = new StringBuilder(what);
        for (Problem p : problems) {
            getLog().error(p.describe());
            message.append('\n').append(p.file());
            if (p.line() > 0) {
                message.append(':').append(p.line()).append(':').append(p.column());
            }
            message.append(": ").append(p.message());
        }
        throw new MojoFailureException(message.toString());
    }
}
