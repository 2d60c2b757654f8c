package dev.fleetsync.application;

/** The robot software suite (model enum RobotSoftwareSuiteType); constant names are the wire values. */
public enum SuiteName {
    ROS,
    ROS2,
    General
}
