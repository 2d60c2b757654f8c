package dev.fleetsync.api.fleet;

import dev.fleetsync.api.fleet.FleetWire.CreateFleetRequest;
import dev.fleetsync.api.fleet.FleetWire.CreateFleetResponse;
import dev.fleetsync.api.fleet.FleetWire.DeleteFleetRequest;
import dev.fleetsync.api.fleet.FleetWire.DescribeFleetRequest;
import dev.fleetsync.api.fleet.FleetWire.DescribeFleetResponse;
import dev.fleetsync.api.fleet.FleetWire.FleetSummary;
import dev.fleetsync.api.fleet.FleetWire.ListFleetsRequest;
import dev.fleetsync.api.fleet.FleetWire.ListFleetsResponse;
import dev.fleetsync.api.http.PageTokens;
import dev.fleetsync.api.http.RequestValidator;
import dev.fleetsync.api.shape.Empty;
import dev.fleetsync.api.shape.Filter;
import dev.fleetsync.auth.CallerAccount;
import dev.fleetsync.common.PageRequest;
import dev.fleetsync.fleet.FleetService;
import dev.fleetsync.robot.RobotService;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** CreateFleet, DeleteFleet, DescribeFleet, ListFleets. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class FleetResource {
    private final FleetService fleets;
    private final RobotService robots;
    private final RequestValidator validator;
    private final CallerAccount caller;
    private final PageTokens pageTokens;

    public FleetResource(FleetService fleets, RobotService robots, RequestValidator validator, CallerAccount caller,
            PageTokens pageTokens) {
        this.fleets = fleets;
        this.robots = robots;
        this.validator = validator;
        this.caller = caller;
        this.pageTokens = pageTokens;
    }

    @POST
    @Path("createFleet")
    public Uni<CreateFleetResponse> createFleet(CreateFleetRequest request) {
        validator.check(request);
        return fleets.create(caller.accountId(), request.name(), request.tags()).map(CreateFleetResponse::of);
    }

    @POST
    @Path("deleteFleet")
    public Uni<Empty> deleteFleet(DeleteFleetRequest request) {
        validator.check(request);
        return fleets.delete(caller.accountId(), request.fleet()).replaceWith(Empty.INSTANCE);
    }

    @POST
    @Path("describeFleet")
    public Uni<DescribeFleetResponse> describeFleet(DescribeFleetRequest request) {
        validator.check(request);
        return robots.describeFleet(caller.accountId(), request.fleet()).map(DescribeFleetResponse::of);
    }

    @POST
    @Path("listFleets")
    public Uni<ListFleetsResponse> listFleets(ListFleetsRequest request) {
        validator.check(request);
        String name = Filter.single(request.filters(), "name").map(Filter::value).orElse(null);
        PageRequest page = PageRequest.of(pageTokens.open(request.nextToken()), request.maxResults(), FleetService.PAGE_LIMIT);
        return fleets.list(caller.accountId(), name, page)
                .map(found -> new ListFleetsResponse(found.items().stream().map(FleetSummary::of).toList(),
                        pageTokens.seal(found.nextToken())));
    }
}
