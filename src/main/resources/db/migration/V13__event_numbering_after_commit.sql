-- Events numbered after commit, by one numberer at a time (docs/decisions.md, "Event numbers").
--
-- V8 numbered a transaction's events at its commit from the account's counter row, holding that row's lock through the
-- commit's WAL flush, and sent a NOTIFY from every event-recording commit (PostgreSQL serializes notifying commits
-- database-wide). So an account's commits ran one after another: two instances rolled a fleet out no faster than one.
-- Now writers only insert their events, unnumbered, and commit without any shared lock. A numberer (each instance runs
-- one; an advisory lock lets one at a time work) numbers the committed unnumbered events in id order, per account, in
-- one transaction, and notifies each account it numbered once. A reader still never sees a gap or a number appear
-- behind one it has read: numbers become visible only all of a run at once, each run's above every earlier one's.
-- Events whose transactions have not committed are invisible to the numberer and are numbered by a later run.

drop trigger tg_event_number on event_pending;
drop function event_number();
drop table event_pending;

-- the V8 trigger functions still call it; it has nothing left to do
create or replace function event_mark_pending() returns void language plpgsql as $$
begin
end;
$$;

drop index ix_event_unnumbered;
create index ix_event_unnumbered on event (id) where seq is null;

-- Numbers up to max_events committed unnumbered events, oldest id first, and notifies each account it numbered (heard by
-- every instance's event streams and webhook deliveries); answers how many it numbered, or -1 when another numberer
-- holds the lock. Within an account, a later transaction's events have higher ids than those of one that committed
-- before it began, so the numbers keep every order a writer could have seen.
create function event_number_committed(max_events integer) returns integer language plpgsql as $$
declare
    accounts text[];
    total integer;
begin
    if not pg_try_advisory_xact_lock(hashtext('fleetsync_event_numbering')) then
        return -1;
    end if;
    with fresh as (
        select f.id, f.account_id, row_number() over (partition by f.account_id order by f.id) as n
        from (select id, account_id from event where seq is null order by id limit max_events) f
    ), counts as (
        select account_id, count(*) as c from fresh group by account_id
    ), bumped as (
        insert into event_sequence as s (account_id, last_seq)
        select account_id, c from counts order by account_id
        on conflict (account_id) do update set last_seq = s.last_seq + excluded.last_seq
        returning s.account_id, s.last_seq
    ), numbered as (
        update event e set seq = b.last_seq - c.c + f.n
        from fresh f join counts c using (account_id) join bumped b using (account_id)
        where e.id = f.id
    )
    select array_agg(b.account_id::text), coalesce(sum(c.c), 0) into accounts, total
    from bumped b join counts c using (account_id);
    perform pg_notify('fleetsync_events', a) from unnest(accounts) a;
    return total;
end;
$$;
