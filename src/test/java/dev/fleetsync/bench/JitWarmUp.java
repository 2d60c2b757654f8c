package dev.fleetsync.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Brings both JVMs to their steady state before anything is measured: rounds of the write path's calls until the JIT
 * compilers of the service and of the load generator (which also runs the raw SQL) each take under {@code settledShare}
 * of their process's CPU in {@value #IN_A_ROW} rounds in a row, or the rounds run out.
 * <p>
 * Why: a fixed warm-up of 1,000 calls left the service's C2 compiler taking about a third of the service's CPU in the
 * measured phases, still compiling the long tail of a large framework stack on one compiler thread, and the load
 * generator's compilers took half of its CPU. Measuring then charges each side for compiling itself, which a process
 * that has been up a while no longer does: the figures were those of start-up, not of the write path.
 * <p>
 * Why two rounds in a row: C2 finishes the tail of the stack in bursts (a round at 13 % was followed by one at 31 %), so
 * one quiet round does not yet mean the compilers are done.
 */
final class JitWarmUp {
    static final int IN_A_ROW = 2;

    /** One round: the share of each process's CPU its JIT compilers took while the round ran. */
    record Round(int round, double serviceCompilerShare, double generatorCompilerShare) {
        boolean settled(double share) {
            return serviceCompilerShare < share && generatorCompilerShare < share;
        }
    }

    private JitWarmUp() {
    }

    /** @param round prepares round {@code r} (seeding is not counted) and returns what runs its calls */
    static List<Round> run(ProcessStats service, ProcessStats generator, int maxRounds, double settledShare,
            IntFunction<Runnable> round) {
        List<Round> rounds = new ArrayList<>();
        for (int r = 1; r <= maxRounds; r++) {
            Runnable calls = round.apply(r);
            Usage serviceBefore = Usage.of(service);
            Usage generatorBefore = Usage.of(generator);
            calls.run();
            Round done = new Round(r, serviceBefore.compilerShareSince(service), generatorBefore.compilerShareSince(generator));
            rounds.add(done);
            System.out.printf(Locale.ROOT, "[bench] warm-up round %d: JIT share of CPU, service %.0f %%, load generator %.0f %%%n", r,
                    100 * done.serviceCompilerShare(), 100 * done.generatorCompilerShare());
            if (settled(rounds, settledShare)) {
                break;
            }
        }
        return rounds;
    }

    /** Whether the last {@value #IN_A_ROW} rounds each had both compilers under {@code share}. */
    static boolean settled(List<Round> rounds, double share) {
        return rounds.size() >= IN_A_ROW && rounds.subList(rounds.size() - IN_A_ROW, rounds.size()).stream().allMatch(r -> r.settled(share));
    }

    private record Usage(double cpuSeconds, Map<String, Long> compilerTicks) {
        static Usage of(ProcessStats process) {
            return new Usage(process.cpuSeconds(), process.compilerTicks());
        }

        double compilerShareSince(ProcessStats process) {
            double compiler = ProcessStats.compilerSecondsBetween(compilerTicks, process.compilerTicks());
            double all = process.cpuSeconds() - cpuSeconds;
            return all <= 0 ? 0 : compiler / all;
        }
    }
}
