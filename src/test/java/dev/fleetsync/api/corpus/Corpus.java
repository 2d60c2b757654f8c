package dev.fleetsync.api.corpus;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fleetsync.api.corpus.CorpusModel.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The bad-input corpus over every operation of the model and the robot protocol: for each, its member edits (one
 * constraint broken at one site), its whole-body edits, and a fixed-seed random mix of several member edits at once.
 */
final class Corpus {
    /** Mixes per operation: each 2 to 4 member edits at sites that do not overlap. */
    static final int MIXES = 12;

    private final Samples samples;
    private final int maxBytes;

    Corpus(Samples samples, int maxBytes) {
        this.samples = samples;
        this.maxBytes = maxBytes;
    }

    /** The valid call of each operation, which each case changes. */
    Call valid(Operation op) {
        return Call.of(samples, op, samples.validInput(op));
    }

    List<Case> cases(long seed) {
        Random random = new Random(seed);
        List<Case> cases = new ArrayList<>();
        for (Operation op : samples.model().operations()) {
            List<Edit> edits = new ArrayList<>();
            for (Site site : Sites.of(samples, op)) {
                edits.addAll(MemberEdits.of(samples, op, site));
            }
            edits.forEach(e -> cases.add(memberCase(op, List.of(e))));
            if (op.hasBody()) {
                cases.addAll(BodyEdits.of(op, valid(op), maxBytes));
                cases.addAll(mixes(op, edits, random));
            }
        }
        return cases;
    }

    private List<Case> mixes(Operation op, List<Edit> edits, Random random) {
        List<Edit> body = edits.stream().filter(e -> e.site().inBody()).toList();
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < MIXES && body.size() > 1; i++) {
            List<Edit> chosen = new ArrayList<>();
            int wanted = 2 + random.nextInt(3);
            for (int tries = 0; tries < 50 && chosen.size() < wanted; tries++) {
                Edit candidate = body.get(random.nextInt(body.size()));
                if (chosen.stream().noneMatch(c -> c.site().overlaps(candidate.site()))) {
                    chosen.add(candidate);
                }
            }
            if (chosen.size() > 1) {
                cases.add(memberCase(op, chosen));
            }
        }
        return cases;
    }

    /** The member the refusal must name: the site's own, or for a query parameter the parameter (its values have no index there). */
    private static String named(Edit edit) {
        return "querystring".equals(edit.site().location()) ? edit.site().steps().get(0).name() : edit.site().member();
    }

    private Case memberCase(Operation op, List<Edit> edits) {
        ObjectNode input = samples.validInput(op);
        edits.forEach(e -> e.applyTo(input, samples, op));
        List<String> members = edits.stream().map(Corpus::named).toList();
        String kind = edits.size() == 1 ? edits.get(0).kind() : "mix";
        String label = edits.size() == 1 ? edits.get(0).toString()
                : edits.stream().map(e -> e.kind() + " " + e).toList().toString();
        return new Case(op.name(), kind, label, Call.of(samples, op, input), members, Case.INVALID, 400, op.errors());
    }
}
