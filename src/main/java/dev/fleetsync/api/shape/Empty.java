package dev.fleetsync.api.shape;

/** An output structure with no members, sent as {@code {}}. */
public record Empty() {
    public static final Empty INSTANCE = new Empty();
}
