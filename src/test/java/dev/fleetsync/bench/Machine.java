package dev.fleetsync.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

/** What the figures were measured on, written beside them. */
final class Machine {
    private Machine() {
    }

    static void describe(Map<String, String> into, BenchSeed seed) throws IOException {
        into.put("date", LocalDate.now().toString());
        into.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        into.put("cpu", Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown"));
        into.put("memory", Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " ").replace("MemTotal: ", ""));
        into.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        into.put("postgresql", seed.text("select split_part(version(), ' ', 2)") + " (fsync " + seed.text("show fsync")
                + ", synchronous_commit " + seed.text("show synchronous_commit") + ")");
    }
}
