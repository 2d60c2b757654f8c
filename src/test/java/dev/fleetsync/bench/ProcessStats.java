package dev.fleetsync.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Resident memory and CPU time of a process, read from Linux's /proc (the machine the benchmark is meant for). */
final class ProcessStats {
    /** USER_HZ, the unit of the CPU times in /proc/[pid]/stat; 100 on every Linux the JDK runs on. */
    static final double TICKS_PER_SECOND = 100.0;

    private final long pid;

    ProcessStats(long pid) {
        this.pid = pid;
    }

    /** Resident set size in MiB (VmRSS). */
    double residentMiB() {
        for (String line : read("status").split("\n")) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        throw new IllegalStateException("no VmRSS for process " + pid);
    }

    /** User plus system CPU seconds the process has used so far. */
    double cpuSeconds() {
        return ticks(read("stat")) / TICKS_PER_SECOND;
    }

    /**
     * CPU ticks each JIT compiler thread has used so far, by thread id. While they are busy the service runs code not
     * yet compiled and shares its cores with the compiler: its figures are not yet those of a warm service.
     */
    Map<String, Long> compilerTicks() {
        Map<String, Long> ticks = new HashMap<>();
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path thread : threads) {
                try {
                    String name = Files.readString(thread.resolve("comm"));
                    if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
                        ticks.put(thread.getFileName().toString(), ticks(Files.readString(thread.resolve("stat"))));
                    }
                } catch (NoSuchFileException ended) {
                    // the JVM ends compiler threads that idle; an ended one has nothing more to add
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ticks;
    }

    /** CPU seconds the compiler threads used between two {@link #compilerTicks} snapshots (a thread that ended lost its share). */
    static double compilerSecondsBetween(Map<String, Long> before, Map<String, Long> after) {
        long ticks = 0;
        for (Map.Entry<String, Long> thread : after.entrySet()) {
            ticks += Math.max(0, thread.getValue() - before.getOrDefault(thread.getKey(), 0L));
        }
        return ticks / TICKS_PER_SECOND;
    }

    /** utime + stime of a /proc stat line. */
    private static long ticks(String stat) {
        String[] fields = fields(stat);
        return Long.parseLong(fields[UTIME]) + Long.parseLong(fields[UTIME + 1]);
    }

    /** Index of utime among {@link #fields}; stime, cutime and cstime follow it. */
    static final int UTIME = 11;
    /** Index of the parent's pid among {@link #fields}. */
    static final int PPID = 1;

    /** The fields of a /proc/[pid]/stat line after the command name, which is in parentheses and may contain spaces. */
    static String[] fields(String stat) {
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    }

    /** A window over which CPU use is averaged, and the peak resident memory seen in it. */
    final class Window {
        private final long startNanos = System.nanoTime();
        private final double startCpu = cpuSeconds();
        private double peakMiB = residentMiB();

        void sample() {
            peakMiB = Math.max(peakMiB, residentMiB());
        }

        double peakMiB() {
            sample();
            return peakMiB;
        }

        /** Average CPU use over the window, in cores (1.0 = one core busy all the time). */
        double cores() {
            return (cpuSeconds() - startCpu) / ((System.nanoTime() - startNanos) / 1e9);
        }
    }

    Window window() {
        return new Window();
    }

    private String read(String file) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
