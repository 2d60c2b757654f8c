package dev.fleetsync.api.credential;

import dev.fleetsync.api.credential.RobotCredentialWire.CreateRobotCredentialRequest;
import dev.fleetsync.api.credential.RobotCredentialWire.CreateRobotCredentialResponse;
import dev.fleetsync.api.credential.RobotCredentialWire.DeleteRobotCredentialRequest;
import dev.fleetsync.api.credential.RobotCredentialWire.ListRobotCredentialsRequest;
import dev.fleetsync.api.credential.RobotCredentialWire.ListRobotCredentialsResponse;
import dev.fleetsync.api.credential.RobotCredentialWire.RobotCredentialSummary;
import dev.fleetsync.api.http.RequestValidator;
import dev.fleetsync.api.shape.Empty;
import dev.fleetsync.auth.CallerAccount;
import dev.fleetsync.credential.RobotCredentialService;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * CreateRobotCredential, ListRobotCredentials, DeleteRobotCredential: fleetsync's own operations, called by an account
 * principal (a robot credential is refused before it gets here).
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class RobotCredentialResource {
    private final RobotCredentialService credentials;
    private final RequestValidator validator;
    private final CallerAccount caller;

    public RobotCredentialResource(RobotCredentialService credentials, RequestValidator validator, CallerAccount caller) {
        this.credentials = credentials;
        this.validator = validator;
        this.caller = caller;
    }

    @POST
    @Path("createRobotCredential")
    public Uni<CreateRobotCredentialResponse> createRobotCredential(CreateRobotCredentialRequest request) {
        validator.check(request);
        return credentials.create(caller.accountId(), request.robot()).map(CreateRobotCredentialResponse::of);
    }

    @POST
    @Path("listRobotCredentials")
    public Uni<ListRobotCredentialsResponse> listRobotCredentials(ListRobotCredentialsRequest request) {
        validator.check(request);
        return credentials.list(caller.accountId(), request.robot())
                .map(found -> new ListRobotCredentialsResponse(found.stream().map(RobotCredentialSummary::of).toList()));
    }

    @POST
    @Path("deleteRobotCredential")
    public Uni<Empty> deleteRobotCredential(DeleteRobotCredentialRequest request) {
        validator.check(request);
        return credentials.delete(caller.accountId(), request.accessKeyId()).replaceWith(Empty.INSTANCE);
    }
}
