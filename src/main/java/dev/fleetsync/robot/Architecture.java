package dev.fleetsync.robot;

/** The processor architecture of a robot; stored by {@link #name()}, which is also the wire value. */
public enum Architecture {
    X86_64,
    ARM64,
    ARMHF
}
