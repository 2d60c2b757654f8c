package dev.fleetsync.docs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One bash, as a reader's terminal: blocks run in it one after the other, so variables and functions one block
 * defines are there for the next. Each block is sourced under {@code set -e}, so any command of it that fails fails
 * the block (not only its last), and its output goes to a file of its own. Closing stops bash and everything it
 * started, background processes and their own sessions included.
 */
final class BashSession implements AutoCloseable {
    record Block(int index, String source, Path output) {
        String text() {
            try {
                return Files.exists(output) ? Files.readString(output) : "";
            } catch (IOException e) {
                return "(unreadable: " + e + ")";
            }
        }
    }

    private final Process bash;
    private final Writer commands;
    private final BufferedReader markers;
    private final Path scratch;
    private int count;

    private BashSession(Process bash, Path scratch) {
        this.bash = bash;
        this.scratch = scratch;
        this.commands = new OutputStreamWriter(bash.getOutputStream(), StandardCharsets.UTF_8);
        this.markers = new BufferedReader(new InputStreamReader(bash.getInputStream(), StandardCharsets.UTF_8));
    }

    /** bash in {@code directory}, with {@code environment} as its whole environment; its files go to {@code scratch}. */
    static BashSession start(Path directory, Map<String, String> environment, Path scratch) throws IOException {
        // a session of its own, so that what it leaves running in the background can be stopped as one group
        ProcessBuilder builder = new ProcessBuilder("setsid", "bash", "--noprofile", "--norc", "-e")
                .directory(directory.toFile())
                .redirectError(scratch.resolve("bash.err").toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        return new BashSession(builder.start(), scratch);
    }

    /** Runs one block; a failed, stopped or too slow block is an AssertionError showing the block and its output. */
    Block run(String source, Duration timeout) throws IOException, InterruptedException {
        Block block = new Block(++count, source, scratch.resolve("block-" + count + ".out"));
        Path file = scratch.resolve("block-" + count + ".sh");
        Files.writeString(file, source);
        commands.write(". '" + file + "' < /dev/null > '" + block.output() + "' 2>&1; echo \"::done " + count + "\"\n");
        commands.flush();
        String marker = awaitMarker(block, timeout);
        if (marker == null) {
            bash.waitFor(10, TimeUnit.SECONDS);
            throw failure(block, "exited with " + (bash.isAlive() ? "?" : bash.exitValue()));
        }
        return block;
    }

    private String awaitMarker(Block block, Duration timeout) throws InterruptedException {
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                return markers.readLine();
            } catch (IOException e) {
                return null;
            }
        });
        try {
            return line.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw failure(block, "did not finish within " + timeout);
        } catch (ExecutionException e) {
            throw new AssertionError(e.getCause());
        }
    }

    private AssertionError failure(Block block, String what) {
        String stderr;
        try {
            stderr = Files.readString(scratch.resolve("bash.err"));
        } catch (IOException e) {
            stderr = "";
        }
        return new AssertionError("README block " + block.index() + " " + what + ":\n" + block.source()
                + "---- its output ----\n" + block.text() + (stderr.isBlank() ? "" : "---- bash ----\n" + stderr));
    }

    /**
     * SIGTERM to bash's process group (what it left in the background, even after bash itself exited) and to every
     * descendant still known (applications the agents started in sessions of their own), then SIGKILL.
     */
    @Override
    public void close() throws InterruptedException, IOException {
        List<ProcessHandle> all = new ArrayList<>(bash.descendants().toList());
        all.add(bash.toHandle());
        signalGroup("TERM");
        all.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        for (ProcessHandle process : all) {
            try {
                process.onExit().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException | ExecutionException e) {
                process.destroyForcibly();
            }
        }
        signalGroup("KILL");
    }

    private void signalGroup(String signal) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + signal, "--", "-" + bash.pid())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
    }
}
