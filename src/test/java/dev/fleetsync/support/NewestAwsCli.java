package dev.fleetsync.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The newest AWS CLI and boto3 a package registry has (Debian unstable's), installed by {@code src/test/sh/newest-aws-cli.sh}
 * under the user's cache once a week, so that tests run today's clients, which no longer know RoboMaker.
 */
public final class NewestAwsCli {
    private static final Path DIR = Path.of(System.getProperty("user.home"), ".cache", "fleetsync", "newest-aws-cli");
    private static String versions;

    private NewestAwsCli() {
    }

    /** The folder with {@code aws} and {@code python3} (with boto3), installed first if need be. */
    public static synchronized Path bin() {
        if (versions == null) {
            versions = install();
        }
        return DIR.resolve("bin");
    }

    /** What the installed CLI and boto3 say of their versions. */
    public static String versions() {
        bin();
        return versions;
    }

    private static String install() {
        try {
            Process process = new ProcessBuilder("bash", "src/test/sh/newest-aws-cli.sh", DIR.toString())
                    .redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(10, TimeUnit.MINUTES)).as("the install finished").isTrue();
            assertThat(process.exitValue()).as("installing the newest AWS CLI from Debian unstable:\n" + output).isZero();
            return output.strip();
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
