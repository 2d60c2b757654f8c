package dev.fleetsync.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The key tables of docs/configuration.md: key, default, environment variable. */
final class ConfigurationReference {
    static final Path FILE = Path.of("docs/configuration.md");
    private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)` \\| ([^|]*) \\| `([A-Z0-9_]+)` \\|.*$");

    record Entry(String key, String defaultValue, String environmentVariable) {
    }

    private ConfigurationReference() {
    }

    /** Documented entries by key. */
    static Map<String, Entry> entries() {
        try {
            Map<String, Entry> entries = new LinkedHashMap<>();
            for (String line : Files.readAllLines(FILE)) {
                Matcher row = ROW.matcher(line);
                if (row.matches()) {
                    entries.put(row.group(1), new Entry(row.group(1), row.group(2).trim(), row.group(3)));
                }
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SmallRye Config's environment-variable form of a key: every character but letters and digits becomes '_'. */
    static String environmentVariable(String key) {
        return key.replaceAll("[^a-zA-Z0-9]", "_").toUpperCase(Locale.ROOT);
    }
}
