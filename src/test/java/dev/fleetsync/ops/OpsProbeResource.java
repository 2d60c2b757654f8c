package dev.fleetsync.ops;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.jboss.logging.Logger;

/** Test-only endpoint: logs after a database round trip, on a later continuation of the request. */
@Path("/ops-test")
public class OpsProbeResource {
    static final String MESSAGE = "after the database answered for ";
    private static final Logger LOG = Logger.getLogger(OpsProbeResource.class);

    @Inject
    Pool pool;

    @GET
    @Path("log-after-database")
    public Uni<String> logAfterDatabase(@QueryParam("token") String token) {
        return pool.query("select pg_sleep(0.05)").execute().map(rows -> {
            LOG.info(MESSAGE + token);
            return token;
        });
    }
}
