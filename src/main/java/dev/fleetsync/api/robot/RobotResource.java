package dev.fleetsync.api.robot;

import dev.fleetsync.api.http.PageTokens;
import dev.fleetsync.api.http.RequestValidator;
import dev.fleetsync.api.robot.RobotWire.CreateRobotRequest;
import dev.fleetsync.api.robot.RobotWire.CreateRobotResponse;
import dev.fleetsync.api.robot.RobotWire.DeleteRobotRequest;
import dev.fleetsync.api.robot.RobotWire.DescribeRobotRequest;
import dev.fleetsync.api.robot.RobotWire.DescribeRobotResponse;
import dev.fleetsync.api.robot.RobotWire.ListRobotsRequest;
import dev.fleetsync.api.robot.RobotWire.ListRobotsResponse;
import dev.fleetsync.api.robot.RobotWire.MembershipRequest;
import dev.fleetsync.api.robot.RobotWire.MembershipResponse;
import dev.fleetsync.api.shape.Empty;
import dev.fleetsync.api.shape.Filter;
import dev.fleetsync.auth.CallerAccount;
import dev.fleetsync.common.PageRequest;
import dev.fleetsync.robot.RobotFilter;
import dev.fleetsync.robot.RobotService;
import dev.fleetsync.robot.RobotStatus;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** CreateRobot, DeleteRobot, DescribeRobot, ListRobots, RegisterRobot, DeregisterRobot. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class RobotResource {

    private final RobotService robots;
    private final RequestValidator validator;
    private final CallerAccount caller;
    private final PageTokens pageTokens;

    public RobotResource(RobotService robots, RequestValidator validator, CallerAccount caller, PageTokens pageTokens) {
        this.robots = robots;
        this.validator = validator;
        this.caller = caller;
        this.pageTokens = pageTokens;
    }

    @POST
    @Path("createRobot")
    public Uni<CreateRobotResponse> createRobot(CreateRobotRequest request) {
        validator.check(request);
        return robots.create(caller.accountId(), request.name(), request.architecture(), request.greengrassGroupId(), request.tags())
                .map(CreateRobotResponse::of);
    }

    @POST
    @Path("deleteRobot")
    public Uni<Empty> deleteRobot(DeleteRobotRequest request) {
        validator.check(request);
        return robots.delete(caller.accountId(), request.robot()).replaceWith(Empty.INSTANCE);
    }

    @POST
    @Path("describeRobot")
    public Uni<DescribeRobotResponse> describeRobot(DescribeRobotRequest request) {
        validator.check(request);
        return robots.describe(caller.accountId(), request.robot()).map(DescribeRobotResponse::of);
    }

    @POST
    @Path("listRobots")
    public Uni<ListRobotsResponse> listRobots(ListRobotsRequest request) {
        validator.check(request);
        RobotFilter filter = Filter.single(request.filters(), "status", "fleetName").map(RobotResource::filterOf).orElse(RobotFilter.NONE);
        PageRequest page = PageRequest.of(pageTokens.open(request.nextToken()), request.maxResults(), RobotService.PAGE_LIMIT);
        return robots.list(caller.accountId(), filter, page)
                .map(found -> new ListRobotsResponse(found.items().stream().map(RobotSummary::of).toList(),
                        pageTokens.seal(found.nextToken())));
    }

    @POST
    @Path("registerRobot")
    public Uni<MembershipResponse> registerRobot(MembershipRequest request) {
        validator.check(request);
        return robots.register(caller.accountId(), request.fleet(), request.robot()).map(MembershipResponse::of);
    }

    @POST
    @Path("deregisterRobot")
    public Uni<MembershipResponse> deregisterRobot(MembershipRequest request) {
        validator.check(request);
        return robots.deregister(caller.accountId(), request.fleet(), request.robot()).map(MembershipResponse::of);
    }

    private static RobotFilter filterOf(Filter filter) {
        return "status".equals(filter.name())
                ? RobotFilter.status(RobotStatus.parse(filter.value(), "filters[0].values[0]"))
                : RobotFilter.fleetName(filter.value());
    }
}
