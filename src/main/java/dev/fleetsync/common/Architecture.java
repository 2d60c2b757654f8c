package dev.fleetsync.common;

/** The processor architecture (model enum Architecture) of a robot and of a source bundle; constant names are the wire values and what is stored. */
public enum Architecture {
    X86_64,
    ARM64,
    ARMHF
}
