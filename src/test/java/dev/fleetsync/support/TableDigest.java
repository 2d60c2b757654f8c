package dev.fleetsync.support;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A digest of every table the migrations made: per table its row count and an order-free hash of its rows' text, in
 * one statement. Equal digests before and after a request mean the request wrote nothing (rows added, removed or changed).
 */
public final class TableDigest {
    private final Pool pool;
    private final String sql;

    public TableDigest(Pool pool) {
        this.pool = pool;
        List<String> tables = new ArrayList<>();
        for (Row row : pool.query("""
                select table_name from information_schema.tables
                where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name not like 'flyway%'
                order by table_name
                """).execute().await().indefinitely()) {
            tables.add(row.getString(0));
        }
        if (tables.isEmpty()) {
            throw new IllegalStateException("no tables to digest");
        }
        this.sql = tables.stream()
                .map(t -> "select '" + t + "' as t, count(*) as n, coalesce(sum(hashtext(x::text)::bigint), 0) as h from " + t + " x")
                .collect(Collectors.joining(" union all "));
    }

    /** Table name to "rows:hash". */
    public Map<String, String> take() {
        Map<String, String> digest = new TreeMap<>();
        for (Row row : pool.query(sql).execute().await().indefinitely()) {
            digest.put(row.getString(0), row.getLong(1) + ":" + row.getLong(2));
        }
        return digest;
    }
}
