package dev.fleetsync.events;

/** Which of an account's events a stream wants: those of one fleet, one job, both, or (nulls) all. */
public record EventFilter(String fleetArn, String jobArn) {
    public static final EventFilter ALL = new EventFilter(null, null);
}
