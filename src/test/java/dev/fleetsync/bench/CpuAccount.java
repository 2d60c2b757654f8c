package dev.fleetsync.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Where the machine's CPU goes during a measured phase: the service, PostgreSQL (its postmaster and every process under
 * it) and the load generator (this JVM, which also runs the raw SQL), per call, and how many cores were busy in all.
 * <p>
 * Why: the service, its database and the generator share two cores, so when the machine is saturated a call's rate is
 * bounded by the CPU all three spend on it. The raw SQL pays only PostgreSQL's and a thin client's share; these figures
 * show how much the service may spend per call for a throughput ratio to be reachable at all.
 */
final class CpuAccount {
    private final ProcessStats service;
    private final ProcessStats generator;
    /** The postmaster of the benchmark's PostgreSQL, or -1 when it does not run on this machine (a configured database). */
    private final long postmaster;

    CpuAccount(ProcessStats service, ProcessStats generator, long postmaster) {
        this.service = service;
        this.generator = generator;
        this.postmaster = postmaster;
    }

    /** CPU per call of each party over a phase, in milliseconds; PostgreSQL's is NaN when it runs elsewhere. */
    record PerCall(double serviceMillis, double postgresMillis, double generatorMillis, double busyCores) {
        static final PerCall NONE = new PerCall(Double.NaN, Double.NaN, Double.NaN, Double.NaN);

        /** All the CPU the machine spent per call. */
        double totalMillis() {
            return serviceMillis + postgresMillis + generatorMillis;
        }
    }

    /** The counters at one moment; {@link #perCallSince} turns two of them into a phase's figures. */
    record Snapshot(long nanos, double service, double postgres, double generator, double machineBusy) {
    }

    Snapshot snapshot() {
        return new Snapshot(System.nanoTime(), service.cpuSeconds(), postgresSeconds(), generator.cpuSeconds(), machineBusySeconds());
    }

    PerCall perCallSince(Snapshot before, long calls) {
        Snapshot after = snapshot();
        double wall = (after.nanos() - before.nanos()) / 1e9;
        return new PerCall(1000 * (after.service() - before.service()) / calls, 1000 * (after.postgres() - before.postgres()) / calls,
                1000 * (after.generator() - before.generator()) / calls, (after.machineBusy() - before.machineBusy()) / wall);
    }

    /** The postmaster whose backend {@code backendPid} is, if that backend runs on this machine. */
    static long postmasterOf(long backendPid) {
        try {
            String[] stat = stat(backendPid);
            String comm = Files.readString(Path.of("/proc", Long.toString(backendPid), "comm")).trim();
            return comm.startsWith("postgres") ? Long.parseLong(stat[ProcessStats.PPID]) : -1;
        } catch (IOException | RuntimeException notHere) {
            return -1;
        }
    }

    /**
     * The postmaster's and its descendants' CPU (utime + stime), plus what its reaped children used (cutime + cstime). A
     * backend that ends between two snapshots moves from the first sum into the second: nothing is lost or counted twice.
     */
    private double postgresSeconds() {
        if (postmaster < 0) {
            return Double.NaN;
        }
        Map<Long, Long> parents = new HashMap<>();
        Map<Long, Long> ticks = new HashMap<>();
        long reaped = 0;
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path process : processes) {
                long pid = Long.parseLong(process.getFileName().toString());
                try {
                    String[] stat = stat(pid);
                    parents.put(pid, Long.parseLong(stat[ProcessStats.PPID]));
                    ticks.put(pid, Long.parseLong(stat[ProcessStats.UTIME]) + Long.parseLong(stat[ProcessStats.UTIME + 1]));
                    if (pid == postmaster) {
                        reaped = Long.parseLong(stat[ProcessStats.UTIME + 2]) + Long.parseLong(stat[ProcessStats.UTIME + 3]);
                    }
                } catch (NoSuchFileException ended) {
                    // gone since the listing; its parent has its time once reaped
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long sum = reaped;
        for (Map.Entry<Long, Long> process : ticks.entrySet()) {
            if (descends(process.getKey(), parents)) {
                sum += process.getValue();
            }
        }
        return sum / ProcessStats.TICKS_PER_SECOND;
    }

    private boolean descends(long pid, Map<Long, Long> parents) {
        for (long p = pid; p > 1; p = parents.getOrDefault(p, 0L)) {
            if (p == postmaster) {
                return true;
            }
        }
        return false;
    }

    /** The busy CPU time of the whole machine (all but idle and I/O wait), from the first line of /proc/stat. */
    private static double machineBusySeconds() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int field = 1; field <= 8 && field < cpu.length; field++) {
                if (field != 4 && field != 5) { // idle, iowait
                    busy += Long.parseLong(cpu[field]);
                }
            }
            return busy / ProcessStats.TICKS_PER_SECOND;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String[] stat(long pid) throws IOException {
        return ProcessStats.fields(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
    }
}
