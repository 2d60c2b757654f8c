package dev.fleetsync.api.corpus;

import java.util.List;

/**
 * One bad request and what its answer must be: a 4xx ({@code status}, or any when 0) with {@code errorType} (or any of
 * the operation's error shapes when null), and a message naming one of {@code members} when there are any.
 */
record Case(String operation, String kind, String label, Call call, List<String> members, String errorType, int status,
        List<String> modelErrors) {

    static final String INVALID = "InvalidParameterException";

    @Override
    public String toString() {
        return operation + " " + kind + " " + label;
    }
}
