package dev.fleetsync.application;

/** The processor architecture of a source bundle (model enum Architecture); constant names are the wire values. */
public enum Architecture {
    X86_64,
    ARM64,
    ARMHF
}
