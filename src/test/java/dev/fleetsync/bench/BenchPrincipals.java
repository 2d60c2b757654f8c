package dev.fleetsync.bench;

import dev.fleetsync.support.Sdk;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/** The accounts the benchmark calls as: the test principal's, and a range of bench accounts given to the service in a file. */
final class BenchPrincipals {
    static final long FIRST_ACCOUNT = 900_000_000_000L;
    private static final int ACCOUNTS = 5_000;

    private BenchPrincipals() {
    }

    static String accessKey(String account) {
        return dev.fleetsync.support.Seed.ACCOUNT.equals(account) ? Sdk.ACCESS_KEY : "AKIDBENCH" + account;
    }

    static String secret(String account) {
        return dev.fleetsync.support.Seed.ACCOUNT.equals(account) ? Sdk.SECRET : "bench-secret-" + account;
    }

    /** Writes the principals file of the bench accounts ({@code fleetsync.auth.principals-file}); returns its path. */
    static Path writeFile(Path directory) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve("principals.txt");
        Files.writeString(file, LongStream.range(FIRST_ACCOUNT, FIRST_ACCOUNT + ACCOUNTS).mapToObj(n -> String.format("%012d", n))
                .map(account -> accessKey(account) + ":" + secret(account) + ":" + account).collect(Collectors.joining("\n", "", "\n")));
        return file;
    }
}
