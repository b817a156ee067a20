package dev.kida.compiler.architecture;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The compiler module's packages depend on each other one way only (the engine's own graph is
 * checked by kida-engine's PackageCyclesTest), read by {@code jdeps} from the compiled classes.
 */
class CompilerPackagesTest {
    private static final Pattern EDGE = Pattern.compile("^\\s+(dev\\.kida\\.compiler[\\w.]*)\\s+->\\s+(dev\\.kida\\.compiler[\\w.]*)\\s");

    @Test
    void noPackageReachesItself() throws Exception {
        Map<String, Set<String>> reach = edges();
        assertTrue(reach.size() >= 3, "jdeps should see the compiler's packages: " + reach);
        // transitive closure: few packages, so the plain triple loop
        List<String> nodes = new ArrayList<>(reach.keySet());
        for (String k : nodes) {
            for (String i : nodes) {
                if (reach.get(i).contains(k)) {
                    reach.get(i).addAll(reach.get(k));
                }
            }
        }
        List<String> cyclic = nodes.stream().filter(n -> reach.get(n).contains(n)).toList();
        assertEquals(List.of(), cyclic, "packages on a cycle; reachability: " + reach);
    }

    private static Map<String, Set<String>> edges() throws Exception {
        Path classes = Path.of("target", "classes");
        assertTrue(Files.isDirectory(classes.resolve("dev/kida/compiler")), "run from kida-compiler: " + classes.toAbsolutePath());
        Path jdeps = Path.of(ProcessHandle.current().info().command().orElseThrow()).resolveSibling("jdeps");
        List<String> modulePath = new ArrayList<>();
        for (String module : List.of("kida.api", "kida.engine")) {
            ModuleLayer.boot().configuration().findModule(module)
                    .flatMap(m -> m.reference().location()).ifPresent(uri -> modulePath.add(Path.of(uri).toString()));
        }
        Process p = new ProcessBuilder(jdeps.toString(), "-verbose:package", "-filter:none", "--ignore-missing-deps",
                "--module-path", String.join(java.io.File.pathSeparator, modulePath), classes.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        Map<String, Set<String>> graph = new TreeMap<>();
        for (String line : out.split("\n")) {
            Matcher m = EDGE.matcher(line);
            if (m.find()) {
                graph.computeIfAbsent(m.group(2), k -> new TreeSet<>());
                Set<String> to = graph.computeIfAbsent(m.group(1), k -> new TreeSet<>());
                if (!m.group(1).equals(m.group(2))) {
                    to.add(m.group(2));
                }
            }
        }
        return graph;
    }
}
