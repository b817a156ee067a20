package dev.kida.maven;

import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.toolchain.Toolchain;
import org.apache.maven.toolchain.ToolchainManager;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Finds the {@code java} of a JDK new enough for the engine (it generates class files with
 * {@code java.lang.classfile}), whatever JDK Maven itself runs on. Looked at in this order: the
 * {@code jdkHome} parameter, the JDK toolchain selected in this build (maven-toolchains-plugin's
 * {@code select-jdk-toolchain} or {@code toolchain} goal), a JDK toolchain of {@code toolchains.xml}
 * matching the version, the JDK running Maven, {@code JAVA_HOME}. Each one rejected is named in
 * the error with its reason, and the error says how to fix it.
 */
final class JdkLocator {
    /** The oldest JDK the engine's bytecode compiler runs on. */
    static final int REQUIRED_FEATURE = 25;

    private JdkLocator() {
    }

    /** A usable {@code java} executable and where it was found (for the log). */
    record Jdk(Path java, String foundBy) {
    }

    static Jdk locate(Path jdkHome, ToolchainManager toolchains, MavenSession session)
            throws MojoExecutionException {
        List<String> rejected = new ArrayList<>();
        if (jdkHome != null) {
            Optional<Jdk> jdk = check(jdkHome, "the jdkHome parameter (kida.jdkHome)", rejected);
            if (jdk.isPresent()) {
                return jdk.get();
            }
            throw new MojoExecutionException("kida-maven-plugin: " + String.join("; ", rejected)
                    + ". Point jdkHome (or -Dkida.jdkHome) at a JDK " + REQUIRED_FEATURE + " or newer.");
        }
        if (toolchains != null && session != null) {
            Toolchain selected = toolchains.getToolchainFromBuildContext("jdk", session);
            if (selected != null) {
                Optional<Jdk> jdk = fromToolchain(selected, "the JDK toolchain selected in this build", rejected);
                if (jdk.isPresent()) {
                    return jdk.get();
                }
            }
            try {
                for (Toolchain t : toolchains.getToolchains(session, "jdk",
                        Map.of("version", "[" + REQUIRED_FEATURE + ",)"))) {
                    Optional<Jdk> jdk = fromToolchain(t, "a JDK toolchain of toolchains.xml", rejected);
                    if (jdk.isPresent()) {
                        return jdk.get();
                    }
                }
            } catch (RuntimeException e) {
                // a malformed toolchains.xml: say so among the reasons, go on with the other places
                rejected.add("toolchains.xml could not be read (" + e.getMessage() + ")");
            }
        }
        Optional<Jdk> running = check(Path.of(System.getProperty("java.home")), "the JDK running Maven", rejected);
        if (running.isPresent()) {
            return running.get();
        }
        String javaHome = System.getenv("JAVA_HOME");
        if (javaHome != null && !javaHome.isBlank()) {
            Optional<Jdk> jdk = check(Path.of(javaHome), "JAVA_HOME", rejected);
            if (jdk.isPresent()) {
                return jdk.get();
            }
        }
        throw new MojoExecutionException(noJdkMessage(rejected));
    }

    static String noJdkMessage(List<String> rejected) {
        return "kida-maven-plugin needs a JDK " + REQUIRED_FEATURE + " or newer to run the Kida engine (Maven runs on Java "
                + Runtime.version().feature() + "), and found none: " + String.join("; ", rejected) + ".\n"
                + "Fix it in one of these ways:\n"
                + "  - let maven-toolchains-plugin (3.2.0 or newer) select one, before kida-maven-plugin in the pom:\n"
                + "      <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-toolchains-plugin</artifactId>\n"
                + "        <version>3.2.0</version>\n"
                + "        <executions><execution><goals><goal>select-jdk-toolchain</goal></goals></execution></executions>\n"
                + "        <configuration><version>[" + REQUIRED_FEATURE + ",)</version></configuration></plugin>\n"
                + "    (it finds installed JDKs by itself; or list one in ~/.m2/toolchains.xml);\n"
                + "  - or set <jdkHome>/path/to/jdk-" + REQUIRED_FEATURE + "</jdkHome> in the plugin's configuration"
                + " (or -Dkida.jdkHome=...);\n"
                + "  - or run Maven itself on a JDK " + REQUIRED_FEATURE + " or newer (JAVA_HOME).";
    }

    private static Optional<Jdk> fromToolchain(Toolchain toolchain, String foundBy, List<String> rejected) {
        String java = toolchain.findTool("java");
        if (java == null) {
            rejected.add(foundBy + " (" + toolchain + ") has no java executable");
            return Optional.empty();
        }
        Path home = Path.of(java).toAbsolutePath().getParent().getParent();
        return check(home, foundBy, rejected);
    }

    /** The JDK at {@code home} when it is new enough; otherwise the reason is added to {@code rejected}. */
    static Optional<Jdk> check(Path home, String foundBy, List<String> rejected) {
        Path java = home.resolve("bin").resolve(isWindows() ? "java.exe" : "java");
        if (!Files.isExecutable(java)) {
            rejected.add(foundBy + " (" + home + ") has no executable bin/java");
            return Optional.empty();
        }
        int feature = feature(home);
        if (feature < REQUIRED_FEATURE) {
            rejected.add(foundBy + " (" + home + ") is Java " + (feature < 0 ? "of unknown version" : feature));
            return Optional.empty();
        }
        return Optional.of(new Jdk(java, foundBy + " (" + home + ", Java " + feature + ")"));
    }

    /**
     * The feature release of the JDK at {@code home}, from its {@code release} file
     * ({@code JAVA_VERSION="25.0.1"}); -1 when it cannot be told.
     */
    static int feature(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release)) {
            return -1;
        }
        Properties properties = new Properties();
        try (var in = Files.newBufferedReader(release, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException | IllegalArgumentException e) {
            return -1;
        }
        return parseFeature(properties.getProperty("JAVA_VERSION"));
    }

    /** {@code "25.0.1"} (quoted or not) -> 25; {@code "1.8.0_392"} -> 8; -1 when it is no version. */
    static int parseFeature(String version) {
        if (version == null) {
            return -1;
        }
        String v = version.strip();
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            v = v.substring(1, v.length() - 1);
        }
        if (v.startsWith("1.")) {
            v = v.substring(2);
        }
        int end = 0;
        while (end < v.length() && Character.isDigit(v.charAt(end))) {
            end++;
        }
        if (end == 0 || end > 4) {
            return -1;
        }
        return Integer.parseInt(v.substring(0, end));
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
    }
}
