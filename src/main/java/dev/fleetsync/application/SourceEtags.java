package dev.fleetsync.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the etag of each source from the bundle store, one HEAD after another, so the first failing source is the one
 * an error names ({@code sources[i].s3Key}).
 */
@ApplicationScoped
class SourceEtags {
    private final BundleStore store;

    SourceEtags(BundleStore store) {
        this.store = store;
    }

    /** The sources as named, each with the etag the store holds for it now. */
    Uni<List<ApplicationSource>> read(List<SourceSpec> specs) {
        Uni<List<ApplicationSource>> done = Uni.createFrom().item(new ArrayList<>());
        for (int i = 0; i < specs.size(); i++) {
            SourceSpec spec = specs.get(i);
            String member = "sources[" + i + "].s3Key";
            done = done.chain(list -> store.etag(spec.s3Bucket(), spec.s3Key(), member).map(etag -> {
                list.add(ApplicationSource.of(spec, etag));
                return list;
            }));
        }
        return done.map(List::copyOf);
    }

    /** The same objects again: a version snapshots what the store holds when it is created. */
    Uni<List<ApplicationSource>> reread(List<ApplicationSource> sources) {
        return read(sources.stream().map(s -> new SourceSpec(s.s3Bucket(), s.s3Key(), s.architecture())).toList());
    }
}
