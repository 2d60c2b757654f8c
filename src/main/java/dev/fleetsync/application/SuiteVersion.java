package dev.fleetsync.application;

/** The version of a robot software suite (model enum RobotSoftwareSuiteVersionType); constant names are the wire values. */
public enum SuiteVersion {
    Kinetic,
    Melodic,
    Dashing,
    Foxy
}
