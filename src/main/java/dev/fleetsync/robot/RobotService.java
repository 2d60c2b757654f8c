package dev.fleetsync.robot;

import dev.fleetsync.common.Architecture;
import dev.fleetsync.common.ArnFactory;
import dev.fleetsync.common.Page;
import dev.fleetsync.common.PageRequest;
import dev.fleetsync.common.ResourceType;
import dev.fleetsync.common.ServiceException;
import dev.fleetsync.common.Timestamps;
import dev.fleetsync.common.Writes;
import dev.fleetsync.deployment.RobotDeploymentEnd;
import dev.fleetsync.deployment.RobotDeploymentRepository;
import dev.fleetsync.events.EventLog;
import dev.fleetsync.fleet.FleetService;
import dev.fleetsync.quota.Quota;
import dev.fleetsync.quota.Quotas;
import dev.fleetsync.tag.TagRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Clock;
import java.util.Map;

/** The robot operations. Each write is one transaction; its constraints' meaning is in {@code common/Constraint}. */
@ApplicationScoped
public class RobotService {
    public static final int PAGE_LIMIT = 200;

    private final RobotRepository robots;
    private final FleetService fleets;
    private final TagRepository tags;
    private final ArnFactory arns;
    private final Clock clock;
    private final Quotas quotas;
    private final Event<RobotDeleted> deleted;
    private final RobotDeploymentRepository deployments;

    public RobotService(RobotRepository robots, FleetService fleets, TagRepository tags, ArnFactory arns, Clock clock, Quotas quotas,
            Event<RobotDeleted> deleted, RobotDeploymentRepository deployments) {
        this.deployments = deployments;
        this.robots = robots;
        this.fleets = fleets;
        this.tags = tags;
        this.arns = arns;
        this.clock = clock;
        this.quotas = quotas;
        this.deleted = deleted;
    }

    /** A Greengrass group serves one robot: a second robot on it, however concurrent, is ResourceAlreadyExists. */
    public Uni<RobotDetails> create(String accountId, String name, Architecture architecture, String greengrassGroupId,
            Map<String, String> robotTags) {
        return Writes.inTransaction(greengrassGroupId, () -> {
            Robot robot = new Robot();
            robot.accountId = accountId;
            robot.name = name;
            robot.architecture = architecture.name();
            robot.greengrassGroupId = greengrassGroupId;
            robot.status = RobotStatus.Available.name();
            robot.createdAt = Timestamps.now(clock);
            robot.arn = arns.named(ResourceType.ROBOT, accountId, name, robot.createdAt);
            return quotas.check(accountId, Quota.ROBOTS).chain(() -> robots.persist(robot))
                    .call(() -> tags.put(accountId, robot.arn, robotTags))
                    .map(saved -> new RobotDetails(saved, robotTags == null ? Map.of() : robotTags));
        });
    }

    /**
     * Deletes the robot and its tags, whatever fleet or deployment it is in; its deployment history stays with the jobs.
     * Its credentials go with it (the schema cascades); observers of {@link RobotDeleted} hear of it after the commit.
     */
    public Uni<Void> delete(String accountId, String arn) {
        return Writes.inTransaction(arn, () -> EventLog.attributeToCaller().chain(() -> requireLocked(accountId, arn))
                        .call(robot -> tags.removeAll(accountId, arn))
                        .call(robots::delete)
                        .replaceWithVoid())
                .invoke(() -> deleted.fire(new RobotDeleted(accountId, arn)));
    }

    /** Puts the robot in the fleet; a robot already there stays as it is, one in another fleet is refused. */
    public Uni<Membership> register(String accountId, String fleetArn, String robotArn) {
        return Writes.inTransaction(fleetArn, () -> EventLog.attributeToCaller().chain(() -> fleets.require(accountId, fleetArn))
                .chain(fleet -> requireLocked(accountId, robotArn))
                .call(robot -> robot.fleetArn == null ? quotas.check(accountId, Quota.ROBOTS_PER_FLEET, fleetArn)
                        : Uni.createFrom().voidItem())
                .invoke(robot -> {
                    if (robot.fleetArn == null) {
                        robot.fleetArn = fleetArn;
                        robot.status = RobotStatus.Registered.name();
                    } else if (!robot.fleetArn.equals(fleetArn)) {
                        throw ServiceException.invalid("Robot " + robotArn + " is already registered to fleet " + robot.fleetArn
                                + "; deregister it first");
                    }
                })
                .map(robot -> new Membership(fleetArn, robotArn)));
    }

    /**
     * Takes the robot out of the fleet, and out of the fleet's running job (see {@link RobotDeploymentRepository#leaveFleet}).
     * The job's rows are written before the robot's row is locked, the order of a hand-over and a rollout step; a robot
     * found not to be in the fleet then rolls it back.
     */
    public Uni<Membership> deregister(String accountId, String fleetArn, String robotArn) {
        return Writes.inTransaction(fleetArn, () -> EventLog.attributeToCaller().chain(() -> fleets.require(accountId, fleetArn))
                .chain(fleet -> deployments.leaveFleet(accountId, fleetArn, robotArn, Timestamps.now(clock)))
                .call(left -> requireLocked(accountId, robotArn).invoke(robot -> {
                    if (!fleetArn.equals(robot.fleetArn)) {
                        throw ServiceException.notFound("Robot " + robotArn + " is not registered to fleet " + fleetArn);
                    }
                    robot.fleetArn = null;
                    robot.status = RobotStatus.Available.name();
                })))
                .invoke(RobotDeploymentEnd::logAll) // committed now
                .map(left -> new Membership(fleetArn, robotArn));
    }

    @WithSession
    public Uni<RobotDetails> describe(String accountId, String arn) {
        return robots.find(accountId, arn)
                .onItem().ifNull().failWith(() -> notFound(arn))
                .flatMap(robot -> tags.tagsOf(accountId, arn).map(t -> new RobotDetails(robot, t)));
    }

    /** DescribeFleet: the fleet, at most {@link RobotRepository#FLEET_DESCRIBE_LIMIT} of its robots, and its tags. */
    @WithSession
    public Uni<FleetWithRobots> describeFleet(String accountId, String fleetArn) {
        return fleets.require(accountId, fleetArn)
                .flatMap(fleet -> robots.ofFleet(accountId, fleetArn, RobotRepository.FLEET_DESCRIBE_LIMIT)
                        .flatMap(members -> tags.tagsOf(accountId, fleetArn).map(t -> new FleetWithRobots(fleet, members, t))));
    }

    @WithSession
    public Uni<Page<Robot>> list(String accountId, RobotFilter filter, PageRequest page) {
        return robots.page(accountId, filter, page.withOneMore())
                .map(found -> Page.of(found, page.size(), r -> r.createdAt, r -> r.arn));
    }

    /** The robot, locked so concurrent register/deregister/delete of it take turns; another account's is missing. */
    private Uni<Robot> requireLocked(String accountId, String arn) {
        return robots.findForUpdate(accountId, arn).onItem().ifNull().failWith(() -> notFound(arn));
    }

    /** Another account's robot is reported exactly as a missing one. */
    static ServiceException notFound(String arn) {
        return ServiceException.notFound("Robot " + arn + " does not exist");
    }
}
