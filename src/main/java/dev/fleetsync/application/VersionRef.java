package dev.fleetsync.application;

import java.util.OptionalInt;

/**
 * A robot application version as callers write it (shape Version): absent or {@code $LATEST} for the head, else a number.
 * Numbers are read by value ("01" is version 1); one too large to exist reads as 0, a version that never exists.
 */
public record VersionRef(String text, OptionalInt number) {
    public static final String LATEST = "$LATEST";

    /** @param text a value that already matches the Version pattern, or null */
    public static VersionRef parse(String text) {
        if (text == null || LATEST.equals(text)) {
            return new VersionRef(LATEST, OptionalInt.empty());
        }
        String digits = text.replaceFirst("^0+(?=\\d)", "");
        boolean representable = !digits.isEmpty() && digits.length() <= 9 && digits.chars().allMatch(Character::isDigit);
        return new VersionRef(text, OptionalInt.of(representable ? Integer.parseInt(digits) : 0));
    }

    public boolean isLatest() {
        return number.isEmpty();
    }

    /** The wire form of a stored version number; 0 stands for $LATEST in listings. */
    public static String wire(int version) {
        return version == 0 ? LATEST : Integer.toString(version);
    }
}
