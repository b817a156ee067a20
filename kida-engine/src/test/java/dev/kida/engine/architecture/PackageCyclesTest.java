package dev.kida.engine.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine's packages form a layered graph: no package reaches itself through others. The graph
 * is what the JDK's {@code jdeps} reads from the compiled classes, so it counts every reference the
 * bytecode makes, not only imports.
 */
class PackageCyclesTest {
    private static final Pattern EDGE = Pattern.compile("^\\s+(dev\\.kida\\.engine[\\w.]*)\\s+->\\s+(dev\\.kida\\.engine[\\w.]*)\\s");

    @Test
    void packageGraphIsAcyclic() throws Exception {
        Map<String, Set<String>> graph = packageGraph();
        assertTrue(graph.size() >= 8, "jdeps should see the engine's packages: " + graph.keySet());
        List<List<String>> cycles = stronglyConnected(graph).stream().filter(c -> c.size() > 1).toList();
        assertEquals(List.of(), cycles, "package cycles; edges: " + graph);
    }

    /**
     * The hub both backends plug into reaches the evaluator only through its interface: nothing
     * in {@code core} or {@code render} depends on {@code eval}, and {@code render} (the state
     * compiled code sees) not on the hub either, directly or through other packages.
     */
    @Test
    void theHubAndTheRenderContractDoNotReachTheEvaluator() throws Exception {
        Map<String, Set<String>> graph = packageGraph();
        String eval = "dev.kida.engine.eval";
        assertTrue(graph.containsKey(eval), graph::toString);
        Set<String> fromCore = reachable(graph, "dev.kida.engine.core");
        Set<String> fromRender = reachable(graph, "dev.kida.engine.render");
        assertTrue(fromCore.contains("dev.kida.engine.render"), fromCore::toString);
        assertFalse(fromCore.contains(eval), () -> "core reaches eval: " + fromCore);
        assertFalse(fromRender.contains(eval) || fromRender.contains("dev.kida.engine.core"),
                () -> "render reaches the hub or the evaluator: " + fromRender);
    }

    private static Set<String> reachable(Map<String, Set<String>> graph, String from) {
        Set<String> seen = new TreeSet<>();
        Deque<String> todo = new ArrayDeque<>(graph.getOrDefault(from, Set.of()));
        while (!todo.isEmpty()) {
            String p = todo.pop();
            if (seen.add(p)) {
                todo.addAll(graph.getOrDefault(p, Set.of()));
            }
        }
        return seen;
    }

    @Test
    void theCheckFindsACycle() {
        Map<String, Set<String>> graph = new TreeMap<>(Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of("a")));
        assertEquals(List.of(List.of("a", "b", "c")), stronglyConnected(graph).stream().filter(c -> c.size() > 1).toList());
    }

    private static Map<String, Set<String>> packageGraph() throws IOException, InterruptedException {
        Path classes = Path.of("target", "classes");
        assertTrue(Files.isDirectory(classes.resolve("dev/kida/engine")), "run from the kida-engine module: " + classes.toAbsolutePath());
        Path java = Path.of(ProcessHandle.current().info().command().orElseThrow());
        Path jdeps = java.resolveSibling("jdeps");
        assertTrue(Files.isExecutable(jdeps), "jdeps beside " + java);
        // kida.engine requires kida.api: hand jdeps the place this JVM loaded it from.
        String api = ModuleLayer.boot().configuration().findModule("kida.api")
                .flatMap(m -> m.reference().location()).map(uri -> Path.of(uri).toString())
                .orElseGet(() -> Path.of("..", "kida-api", "target", "classes").toString());
        Process p = new ProcessBuilder(jdeps.toString(), "-verbose:package", "-filter:none", "--ignore-missing-deps",
                "--module-path", api, classes.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        Map<String, Set<String>> graph = new TreeMap<>();
        for (String line : out.split("\n")) {
            Matcher m = EDGE.matcher(line);
            if (m.find() && !m.group(1).equals(m.group(2))) {
                graph.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(m.group(2));
                graph.computeIfAbsent(m.group(2), k -> new TreeSet<>());
            }
        }
        assertFalse(graph.isEmpty(), out);
        return graph;
    }

    /** Tarjan's strongly connected components, each sorted; iterative so depth is no concern. */
    static List<List<String>> stronglyConnected(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<List<String>> result = new ArrayList<>();
        int[] counter = {0};
        for (String start : graph.keySet()) {
            if (index.containsKey(start)) {
                continue;
            }
            Deque<Map.Entry<String, java.util.Iterator<String>>> work = new ArrayDeque<>();
            index.put(start, counter[0]);
            low.put(start, counter[0]++);
            stack.push(start);
            onStack.add(start);
            work.push(Map.entry(start, graph.getOrDefault(start, Set.of()).iterator()));
            while (!work.isEmpty()) {
                var top = work.peek();
                String v = top.getKey();
                if (top.getValue().hasNext()) {
                    String w = top.getValue().next();
                    if (!index.containsKey(w)) {
                        index.put(w, counter[0]);
                        low.put(w, counter[0]++);
                        stack.push(w);
                        onStack.add(w);
                        work.push(Map.entry(w, graph.getOrDefault(w, Set.of()).iterator()));
                    } else if (onStack.contains(w)) {
                        low.put(v, Math.min(low.get(v), index.get(w)));
                    }
                    continue;
                }
                work.pop();
                if (!work.isEmpty()) {
                    String parent = work.peek().getKey();
                    low.put(parent, Math.min(low.get(parent), low.get(v)));
                }
                if (low.get(v).equals(index.get(v))) {
                    List<String> component = new ArrayList<>();
                    String w;
                    do {
                        w = stack.pop();
                        onStack.remove(w);
                        component.add(w);
                    } while (!w.equals(v));
                    component.sort(null);
                    result.add(component);
                }
            }
        }
        return result;
    }
}
