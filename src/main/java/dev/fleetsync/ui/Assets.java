package dev.fleetsync.ui;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import dev.fleetsync.common.ServiceException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The dashboard's script and style sheet, from the jar (no CDN: the pages work offline). Only the files named here are
 * served; anything else under {@code /ui/static/} is not found.
 */
@Path("/ui/static")
public class Assets {
    private static final Map<String, String> TYPES = Map.of(
            "dashboard.js", "text/javascript; charset=UTF-8",
            "dashboard.css", "text/css; charset=UTF-8");
    private static final Map<String, byte[]> FILES = Map.of(
            "dashboard.js", read("dashboard.js"),
            "dashboard.css", read("dashboard.css"));

    @GET
    @Path("{file}")
    public Response file(@PathParam("file") String file) {
        byte[] content = FILES.get(file);
        if (content == null) {
            return UiErrors.page(ServiceException.notFound("No file " + file + " in the dashboard"));
        }
        return Response.ok(content, TYPES.get(file)).header("Cache-Control", "max-age=300").build();
    }

    private static byte[] read(String file) {
        try (InputStream in = Assets.class.getResourceAsStream("/dashboard/" + file)) {
            if (in == null) {
                throw new IllegalStateException("The dashboard's " + file + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
