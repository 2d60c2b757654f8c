package dev.fleetsync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The top-level packages under {@code dev.fleetsync} (everything under {@code api/} counts as {@code api}) depend on
 * each other without a cycle, so each can be read, and changed, knowing only the packages below it. A dependency is an
 * import or a qualified reference ({@code dev.fleetsync.x.Y}) in the code of a file in {@code src/main/java}; comments
 * do not count.
 */
class PackageCyclesTest {
    private static final Path MAIN = Path.of("src/main/java");
    private static final String ROOT = "dev.fleetsync";
    private static final Pattern REFERENCE = Pattern.compile("\\bdev\\.fleetsync\\.(?:([a-z][a-z0-9_]*)(?:\\.[a-z][a-z0-9_]*)*\\.)?[A-Z*]");
    /** What is not code, in the order the compiler reads it: text blocks, strings, characters, comments. */
    private static final Pattern NOT_CODE = Pattern.compile(
            "\"\"\".*?\"\"\"|\"(?:\\\\.|[^\"\\\\\\n])*\"|'(?:\\\\.|[^'\\\\])'|/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

    /**
     * Dependencies that still close a cycle, each with why it is there; removed as they are broken. Every other
     * dependency must leave the graph acyclic, and an entry that no longer closes a cycle must go.
     */
    private static final Map<String, String> ALLOWED = Map.of();

    @Test
    void theTopLevelPackagesFormNoCycle() {
        List<String> problems = problems(graph(), ALLOWED);
        assertThat(problems).withFailMessage(() -> String.join("\n\n", problems)).isEmpty();
    }

    @Test
    void anAllowedDependencyHidesTheCycleItClosesAndMustGoOnceItClosesNone() {
        Map<String, Map<String, Set<String>>> graph = new TreeMap<>();
        graph.put("fleet", new TreeMap<>(Map.of("robot", Set.of("fleet/A.java"))));
        graph.put("robot", new TreeMap<>(Map.of("fleet", Set.of("robot/B.java"))));
        Map<String, String> allowed = Map.of("fleet -> robot", "DescribeFleet lists robots");
        assertThat(problems(graph, Map.of())).singleElement().asString().contains("cycle among [fleet, robot]");
        assertThat(problems(graph, allowed)).isEmpty();

        graph.put("common", new TreeMap<>(Map.of("fleet", Set.of("common/C.java"))));
        graph.get("fleet").put("common", Set.of("fleet/D.java"));
        assertThat(problems(graph, allowed)).as("a new cycle the allowed dependency does not close")
                .singleElement().asString().contains("cycle among [common, fleet]");

        graph.get("robot").clear();
        graph.get("common").clear();
        assertThat(problems(graph, allowed)).containsExactly("allowed fleet -> robot no longer closes a cycle: remove it from ALLOWED");
        graph.get("fleet").remove("robot");
        assertThat(problems(graph, allowed)).containsExactly("allowed fleet -> robot no longer exists: remove it from ALLOWED");
    }

    /** Each cycle left once the allowed dependencies are set aside, and each allowed one that closes no cycle. */
    static List<String> problems(Map<String, Map<String, Set<String>>> graph, Map<String, String> allowed) {
        Map<String, Map<String, Set<String>>> rest = without(graph, allowed.keySet());
        List<String> problems = new ArrayList<>();
        for (Set<String> component : cyclicComponents(rest)) {
            problems.add(describe(component, rest));
        }
        for (String entry : new TreeSet<>(allowed.keySet())) {
            String[] edge = entry.split(" -> ");
            if (!graph.getOrDefault(edge[0], Map.of()).containsKey(edge[1])) {
                problems.add("allowed " + entry + " no longer exists: remove it from ALLOWED");
            } else if (!reaches(graph, edge[1], edge[0])) {
                problems.add("allowed " + entry + " no longer closes a cycle: remove it from ALLOWED");
            }
        }
        return problems;
    }

    @Test
    void aDependencyBackFindsTheCycleItCloses() {
        Map<String, Map<String, Set<String>>> graph = new TreeMap<>();
        graph.put("fleet", new TreeMap<>(Map.of("common", Set.of("fleet/A.java"))));
        graph.put("common", new TreeMap<>());
        assertThat(cyclicComponents(graph)).isEmpty();

        graph.get("common").put("robot", Set.of("common/B.java"));
        graph.put("robot", new TreeMap<>(Map.of("fleet", Set.of("robot/C.java"))));
        List<Set<String>> cycles = cyclicComponents(graph);

        assertThat(cycles).containsExactly(Set.of("common", "fleet", "robot"));
        assertThat(describe(cycles.get(0), graph)).contains("common -> robot -> fleet -> common", "common/B.java");
    }

    @Test
    void importsQualifiedNamesAndWildcardsCountButCommentsAndStringsDoNot() {
        String source = """
                package dev.fleetsync.fleet;
                import dev.fleetsync.common.Page;
                import static dev.fleetsync.quota.Quota.FLEETS;
                import dev.fleetsync.tag.*;
                // dev.fleetsync.robot.Robot is only mentioned
                /** {@link dev.fleetsync.agent.AgentService} neither */
                class X { dev.fleetsync.deployment.rollout.JobRef ref; String s = "dev.fleetsync.ui.Page"; dev.fleetsync.Main m; }
                class Y { String url = "http://x/"; char q = '"'; dev.fleetsync.events.EventLog log; String sql = \"""
                        dev.fleetsync.ops.Draining \"""; }
                """;
        assertThat(referencedPackages(source)).containsExactlyInAnyOrder("common", "quota", "tag", "deployment", "dev.fleetsync", "events");
    }

    /** package -> package it uses -> the files that use it. */
    private static Map<String, Map<String, Set<String>>> graph() {
        Map<String, Map<String, Set<String>>> graph = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN.resolve(ROOT.replace('.', '/')))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String relative = MAIN.resolve(ROOT.replace('.', '/')).relativize(file).toString().replace('\\', '/');
                String from = relative.contains("/") ? relative.substring(0, relative.indexOf('/')) : ROOT;
                Map<String, Set<String>> uses = graph.computeIfAbsent(from, k -> new TreeMap<>());
                for (String to : referencedPackages(Files.readString(file))) {
                    if (!to.equals(from)) {
                        uses.computeIfAbsent(to, k -> new TreeSet<>()).add(relative);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(graph).as("packages read from " + MAIN.toAbsolutePath()).containsKeys("api", "common", "fleet");
        return graph;
    }

    static Set<String> referencedPackages(String source) {
        String code = NOT_CODE.matcher(source).replaceAll(" ");
        Set<String> packages = new TreeSet<>();
        Matcher reference = REFERENCE.matcher(code);
        while (reference.find()) {
            packages.add(reference.group(1) == null ? ROOT : reference.group(1));
        }
        return packages;
    }

    private static Map<String, Map<String, Set<String>>> without(Map<String, Map<String, Set<String>>> graph, Set<String> edges) {
        Map<String, Map<String, Set<String>>> rest = new TreeMap<>();
        graph.forEach((from, uses) -> {
            Map<String, Set<String>> kept = new TreeMap<>(uses);
            kept.keySet().removeIf(to -> edges.contains(from + " -> " + to));
            rest.put(from, kept);
        });
        return rest;
    }

    /** The strongly connected components with more than one package (Tarjan's algorithm), each sorted. */
    static List<Set<String>> cyclicComponents(Map<String, Map<String, Set<String>>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        List<Set<String>> components = new ArrayList<>();
        for (String node : graph.keySet()) {
            if (!index.containsKey(node)) {
                connect(node, graph, index, low, stack, components);
            }
        }
        return components.stream().filter(c -> c.size() > 1).map(c -> (Set<String>) new TreeSet<>(c))
                .sorted((a, b) -> a.toString().compareTo(b.toString())).toList();
    }

    private static void connect(String node, Map<String, Map<String, Set<String>>> graph, Map<String, Integer> index,
            Map<String, Integer> low, Deque<String> stack, List<Set<String>> components) {
        index.put(node, index.size());
        low.put(node, index.get(node));
        stack.push(node);
        for (String next : graph.getOrDefault(node, Map.of()).keySet()) {
            if (!index.containsKey(next)) {
                connect(next, graph, index, low, stack, components);
                low.put(node, Math.min(low.get(node), low.get(next)));
            } else if (stack.contains(next)) {
                low.put(node, Math.min(low.get(node), index.get(next)));
            }
        }
        if (low.get(node).equals(index.get(node))) {
            Set<String> component = new LinkedHashSet<>();
            String member;
            do {
                member = stack.pop();
                component.add(member);
            } while (!member.equals(node));
            components.add(component);
        }
    }

    /** A component: each dependency inside it with the files that make it, and the shortest cycle through it. */
    static String describe(Set<String> component, Map<String, Map<String, Set<String>>> graph) {
        StringBuilder text = new StringBuilder("cycle among " + component + ":");
        for (String from : component) {
            for (Map.Entry<String, Set<String>> use : graph.getOrDefault(from, Map.of()).entrySet()) {
                if (component.contains(use.getKey())) {
                    List<String> back = shortestPath(graph, use.getKey(), from, component);
                    text.append("\n  ").append(from).append(" -> ").append(String.join(" -> ", back))
                            .append("  (").append(from).append(" -> ").append(use.getKey()).append(": ")
                            .append(use.getValue().stream().limit(3).collect(Collectors.joining(", ")))
                            .append(use.getValue().size() > 3 ? ", ..." : "").append(')');
                }
            }
        }
        return text.toString();
    }

    private static List<String> shortestPath(Map<String, Map<String, Set<String>>> graph, String from, String to, Set<String> within) {
        Map<String, String> previous = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of(from));
        previous.put(from, from);
        while (!queue.isEmpty()) {
            String node = queue.poll();
            if (node.equals(to)) {
                break;
            }
            for (String next : graph.getOrDefault(node, Map.of()).keySet()) {
                if (within.contains(next) && previous.putIfAbsent(next, node) == null) {
                    queue.add(next);
                }
            }
        }
        List<String> path = new ArrayList<>();
        for (String node = to; !node.equals(from); node = previous.get(node)) {
            path.add(0, node);
        }
        path.add(0, from);
        return path;
    }

    private static boolean reaches(Map<String, Map<String, Set<String>>> graph, String from, String to) {
        Set<String> seen = new TreeSet<>();
        Deque<String> queue = new ArrayDeque<>(List.of(from));
        while (!queue.isEmpty()) {
            String node = queue.poll();
            if (node.equals(to)) {
                return true;
            }
            if (seen.add(node)) {
                queue.addAll(graph.getOrDefault(node, Map.of()).keySet());
            }
        }
        return false;
    }
}
