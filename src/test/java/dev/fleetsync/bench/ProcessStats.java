package dev.fleetsync.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident memory and CPU time of a process, read from Linux's /proc (the machine the benchmark is meant for). */
final class ProcessStats {
    /** USER_HZ, the unit of the CPU times in /proc/[pid]/stat; 100 on every Linux the JDK runs on. */
    private static final double TICKS_PER_SECOND = 100.0;

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
        String stat = read("stat");
        // fields after the command name, which is in parentheses and may contain spaces: utime is the 12th, stime the 13th
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
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
