package dev.fleetsync.robot;

import dev.fleetsync.common.Page;
import dev.fleetsync.common.PageRequest;
import dev.fleetsync.common.ServiceError;
import dev.fleetsync.common.ServiceException;
import dev.fleetsync.common.UniqueViolations;
import dev.fleetsync.tag.TagRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.util.Map;

/** The robot operations. Writes run in {@link RobotWrites}; here their constraint violations become API errors. */
@ApplicationScoped
public class RobotService {
    public static final int PAGE_LIMIT = 200;
    static final String UNIQUE_GREENGRASS_GROUP = "uq_robot_greengrass_group";
    static final String FK_FLEET = "fk_robot_fleet";

    private final RobotWrites writes;
    private final RobotRepository robots;
    private final TagRepository tags;
    private final Event<RobotDeleted> deleted;

    public RobotService(RobotWrites writes, RobotRepository robots, TagRepository tags, Event<RobotDeleted> deleted) {
        this.writes = writes;
        this.robots = robots;
        this.tags = tags;
        this.deleted = deleted;
    }

    /** A Greengrass group serves one robot: a second robot on it, however concurrent, is ResourceAlreadyExists. */
    public Uni<RobotDetails> create(String accountId, String name, Architecture architecture, String greengrassGroupId,
            Map<String, String> robotTags) {
        return writes.create(accountId, name, architecture, greengrassGroupId, robotTags)
                .onFailure(t -> UniqueViolations.isUnique(t, UNIQUE_GREENGRASS_GROUP))
                .transform(t -> ServiceError.RESOURCE_ALREADY_EXISTS.exception(
                        "A robot with greengrassGroupId " + greengrassGroupId + " already exists"));
    }

    /** The robot's credentials go with it (the schema cascades); observers of {@link RobotDeleted} hear of it after the commit. */
    public Uni<Void> delete(String accountId, String arn) {
        return writes.delete(accountId, arn).invoke(() -> deleted.fire(new RobotDeleted(accountId, arn)));
    }

    /** A fleet deleted between our check and the commit breaks fk_robot_fleet: that is the fleet missing, too. */
    public Uni<Membership> register(String accountId, String fleetArn, String robotArn) {
        return writes.register(accountId, fleetArn, robotArn)
                .onFailure(t -> UniqueViolations.isForeignKey(t, FK_FLEET))
                .transform(t -> ServiceException.notFound("Fleet " + fleetArn + " does not exist"));
    }

    public Uni<Membership> deregister(String accountId, String fleetArn, String robotArn) {
        return writes.deregister(accountId, fleetArn, robotArn);
    }

    @WithSession
    public Uni<RobotDetails> describe(String accountId, String arn) {
        return robots.find(accountId, arn)
                .onItem().ifNull().failWith(() -> notFound(arn))
                .flatMap(robot -> tags.tagsOf(accountId, arn).map(t -> new RobotDetails(robot, t)));
    }

    @WithSession
    public Uni<Page<Robot>> list(String accountId, RobotFilter filter, PageRequest page) {
        return robots.page(accountId, filter, page.withOneMore())
                .map(found -> Page.of(found, page.size(), r -> r.createdAt, r -> r.arn));
    }

    /** Another account's robot is reported exactly as a missing one. */
    static ServiceException notFound(String arn) {
        return ServiceException.notFound("Robot " + arn + " does not exist");
    }
}
