package dev.fleetsync.api.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Serves the service model without a signature (it is public information): the file the build wrote, or, where the
 * build step has not run (dev mode compiles by itself), the model generated now from the same classes.
 */
@Path("/model")
public class ModelResource {
    private final byte[] model;

    public ModelResource(ObjectMapper json) {
        try (InputStream written = ModelResource.class.getResourceAsStream("/model/" + ServiceModel.FILE_NAME)) {
            model = written != null ? written.readAllBytes() : json.writeValueAsBytes(ServiceModel.build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GET
    @NonBlocking
    @Path(ServiceModel.FILE_NAME)
    @Produces(MediaType.APPLICATION_JSON)
    public byte[] model() {
        return model;
    }
}
